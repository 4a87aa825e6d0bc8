package org.digestkg.coauthorship.sparql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.pfunction.PropFuncArg;

/**
 * The output positions of a property function, in order: a variable takes the answer's value, and a fixed term
 * (written in the query, or a variable bound before the call) keeps only answers with that value.
 */
final class Slots {

    private final List<Node> nodes;

    private Slots(List<Node> nodes) {
        this.nodes = nodes;
    }

    /** The slots of one argument: a single node or a list. */
    static Slots of(PropFuncArg arg) {
        return new Slots(arg.isList() ? arg.getArgList() : List.of(arg.getArg()));
    }

    /** A single subject followed by a list of objects. */
    static Slots of(Node subject, PropFuncArg objects) {
        List<Node> all = new ArrayList<>();
        all.add(subject);
        all.addAll(objects.getArgList());
        return new Slots(all);
    }

    /** Refuses, when the query is compiled, a list with fewer or more entries than the function has. */
    static void checkSize(PropFuncArg list, int min, int max, Node predicate, String shape) {
        int size = list.getArgListSize();
        if (size < min || size > max) {
            throw new QueryBuildException("<" + predicate.getURI() + "> takes " + shape + " (" + min + " to "
                    + max + " entries), not " + size);
        }
    }

    /**
     * The answer as a row extending {@code parent}, or {@code null} when a fixed slot has another value. Only the
     * slots the query has are asked of {@code value}: a neighbourhood of 56,000 people counted by
     * {@code two-hop-size.rq} then makes two terms per person rather than five.
     */
    Binding bind(Binding parent, IntFunction<Node> value) {
        BindingBuilder row = Binding.builder(parent);
        for (int i = 0; i < nodes.size(); i++) {
            Node slot = nodes.get(i);
            if (slot.isVariable()) {
                Var var = Var.alloc(slot);
                Node bound = row.get(var);
                if (bound == null) {
                    row.add(var, value.apply(i));
                    continue;
                }
                slot = bound;
            }
            if (!slot.sameValueAs(value.apply(i))) {
                return null;
            }
        }
        return row.build();
    }
}
