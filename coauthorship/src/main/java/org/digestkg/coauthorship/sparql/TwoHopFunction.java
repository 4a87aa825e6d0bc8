package org.digestkg.coauthorship.sparql;

import java.util.Iterator;
import java.util.Objects;
import java.util.stream.IntStream;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterNullIterator;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.pfunction.PFuncSimpleAndList;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.digestkg.coauthorship.CoauthorGraph;
import org.digestkg.coauthorship.TwoHopNeighbourhood;

/**
 * {@code ?author kgfn:twoHop (?person ?distance ?papers ?via ?name)}: everyone within two co-authorship steps of
 * {@code ?author} (which must be bound): co-authors at distance 1 with their joint papers ({@code ?via} 0), and
 * co-authors' co-authors at distance 2 with the number of co-authors linking to them ({@code ?papers} 0); each
 * with their name.
 */
final class TwoHopFunction extends PFuncSimpleAndList {

    @Override
    public void build(PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext execCxt) {
        super.build(subject, predicate, object, execCxt);
        Slots.checkSize(object, 1, 5, predicate, "(?person ?distance ?papers ?via ?name)");
    }

    @Override
    public QueryIterator execEvaluated(Binding binding, Node subject, Node predicate, PropFuncArg object,
            ExecutionContext execCxt) {
        if (subject.isVariable()) {
            throw new QueryExecException("<" + predicate.getURI() + "> needs its subject bound to an author, e.g. "
                    + "?author foaf:name \"Ada Lovelace\" . ?author <" + predicate.getURI() + "> (?person)");
        }
        CoauthorGraph graph = CoauthorIndex.graph(execCxt, null);
        int author = subject.isURI() ? graph.authorId(subject.getURI()) : -1;
        if (author < 0) {
            return QueryIterNullIterator.create(execCxt);
        }
        TwoHopNeighbourhood near = TwoHopNeighbourhood.of(graph, author);
        Slots slots = Slots.of(subject, object);
        Iterator<Binding> rows = IntStream.range(0, near.size())
                .mapToObj(i -> slots.bind(binding, slot -> switch (slot) {
                    case 0 -> subject;
                    case 1 -> Terms.author(graph, near.person(i));
                    case 2 -> Terms.integer(near.distance(i));
                    case 3 -> Terms.integer(near.jointPapers(i));
                    case 4 -> Terms.integer(near.via(i));
                    default -> Terms.name(graph, near.person(i));
                }))
                .filter(Objects::nonNull)
                .iterator();
        return QueryIterPlainWrapper.create(rows, execCxt);
    }
}
