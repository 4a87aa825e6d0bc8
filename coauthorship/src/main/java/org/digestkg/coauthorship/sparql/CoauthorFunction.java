package org.digestkg.coauthorship.sparql;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.IntStream;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.pfunction.PFuncSimpleAndList;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.digestkg.coauthorship.CoauthorGraph;

/**
 * {@code ?author kgfn:coauthor (?coauthor ?papers ?weight ?name)}: one row per person {@code ?author} wrote with,
 * the number of papers they share, their fractional weight and the co-author's name. With {@code ?author} unbound,
 * every co-author link in both directions.
 */
final class CoauthorFunction extends PFuncSimpleAndList {

    @Override
    public void build(PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext execCxt) {
        super.build(subject, predicate, object, execCxt);
        Slots.checkSize(object, 1, 4, predicate, "(?coauthor ?papers ?weight ?name)");
    }

    @Override
    public QueryIterator execEvaluated(Binding binding, Node subject, Node predicate, PropFuncArg object,
            ExecutionContext execCxt) {
        CoauthorGraph graph = CoauthorIndex.graph(execCxt, null);
        Slots slots = Slots.of(subject, object);
        IntStream authors = subject.isVariable() ? IntStream.range(0, graph.authorCount())
                : subject.isURI() ? IntStream.of(graph.authorId(subject.getURI())).filter(a -> a >= 0)
                : IntStream.empty();
        Iterator<Binding> rows = authors.boxed()
                .flatMap(author -> Arrays.stream(graph.linksOf(author)).mapToObj(link -> {
                    int coauthor = graph.other(link, author);
                    return slots.bind(binding, slot -> switch (slot) {
                        case 0 -> Terms.author(graph, author);
                        case 1 -> Terms.author(graph, coauthor);
                        case 2 -> Terms.integer(graph.linkPapers(link));
                        case 3 -> Terms.weight(graph.linkWeight(link));
                        default -> Terms.name(graph, coauthor);
                    });
                }))
                .filter(Objects::nonNull)
                .iterator();
        return QueryIterPlainWrapper.create(rows, execCxt);
    }
}
