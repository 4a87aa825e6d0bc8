package org.digestkg.coauthorship.sparql;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.pfunction.PFuncListAndList;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.digestkg.coauthorship.CoauthorGraph;
import org.digestkg.coauthorship.PairOrder;

/**
 * {@code (?a ?b ?papers ?weight ?nameA ?nameB) kgfn:topPairs (20 ?category)}: the 20 strongest co-author pairs,
 * most joint papers first, then highest weight, then by name ({@code ?a}'s sorts before {@code ?b}'s). The category, a
 * main-category code in any case, is optional; left out, unbound or empty, all papers count.
 */
final class TopPairsFunction extends PFuncListAndList {

    @Override
    public void build(PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext execCxt) {
        super.build(subject, predicate, object, execCxt);
        Slots.checkSize(subject, 2, 6, predicate, "a subject list (?a ?b ?papers ?weight ?nameA ?nameB)");
        Slots.checkSize(object, 1, 2, predicate, "an object list (count category)");
    }

    @Override
    public QueryIterator execEvaluated(Binding binding, PropFuncArg subject, Node predicate, PropFuncArg object,
            ExecutionContext execCxt) {
        int count = count(object.getArg(0), predicate);
        String category = object.getArgListSize() > 1 ? category(object.getArg(1)) : null;
        CoauthorGraph graph = CoauthorIndex.graph(execCxt, category);
        Slots slots = Slots.of(subject);
        Iterator<Binding> rows = Arrays.stream(graph.topLinks(count, PairOrder.PAPERS))
                .mapToObj(link -> slots.bind(binding, slot -> switch (slot) {
                    case 0 -> Terms.author(graph, graph.linkSource(link));
                    case 1 -> Terms.author(graph, graph.linkTarget(link));
                    case 2 -> Terms.integer(graph.linkPapers(link));
                    case 3 -> Terms.weight(graph.linkWeight(link));
                    case 4 -> Terms.name(graph, graph.linkSource(link));
                    default -> Terms.name(graph, graph.linkTarget(link));
                }))
                .filter(Objects::nonNull)
                .iterator();
        return QueryIterPlainWrapper.create(rows, execCxt);
    }

    private static int count(Node node, Node predicate) {
        if (node.isLiteral() && node.getLiteralValue() instanceof Number n && n.longValue() >= 1
                && n.longValue() <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw new QueryExecException("<" + predicate.getURI() + "> needs a positive number of pairs first in its "
                + "object list, e.g. (20), not " + node);
    }

    private static String category(Node node) {
        if (node.isVariable()) {
            return null;
        }
        String code = node.isLiteral() ? node.getLiteralLexicalForm().strip() : node.toString();
        return code.isEmpty() ? null : code;
    }
}
