package org.digestkg.storage.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryScopeException;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * Puts parameter values into a query at the syntax level — Jena replaces each bound variable by its RDF term in
 * the query's abstract syntax, never by pasting text — so a value cannot change the query's shape. The result is
 * one query that runs the same on the store and, written out as SPARQL, on any remote endpoint.
 * <p>
 * A parameter must do what it says, so a value is accepted only for a variable that
 * <ul>
 * <li>every result of the query's pattern binds: the value keeps the rows where the variable has it; or</li>
 * <li>no pattern binds, which the query only reads (a FILTER's or a function's input): the value is that input.</li>
 * </ul>
 * A variable bound in only some results (inside OPTIONAL, on one side of a UNION, inside a subquery) is refused:
 * substituting it would relabel or drop parts of the pattern rather than narrow the results.
 */
public final class ParameterSubstitution {

    private ParameterSubstitution() {
    }

    /**
     * The query with the parameters' values in place of their variables.
     *
     * @throws IllegalArgumentException naming the parameter, when the query cannot take it (see the class comment)
     */
    public static Query bind(Query query, Binding params) {
        if (params.isEmpty()) return query;
        check(query, params);
        Map<Var, Node> values = new HashMap<>();
        params.forEach(values::put);
        Query substituted;
        try {
            substituted = QueryTransformOps.replaceVars(query, values);
        } catch (QueryScopeException e) {
            throw new IllegalArgumentException("the query assigns " + names(values.keySet())
                    + " itself (BIND, VALUES or AS), so it cannot be given a value");
        }
        writable(substituted, values.keySet(), true);
        String text = substituted.serialize();
        try {
            // what runs on the store is exactly what a remote endpoint receives
            return QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new IllegalArgumentException("the query with " + names(values.keySet())
                    + " in place is not valid SPARQL (" + e.getMessage() + "):\n" + text, e);
        }
    }

    /** Refuses parameters the query does not use, and those it binds in only some results. */
    private static void check(Query query, Binding params) {
        Collection<Var> used = OpVars.mentionedVars(Algebra.compile(query));
        Op pattern = query.getQueryPattern() == null ? null : Algebra.compile(query.getQueryPattern());
        Set<Var> fixed = pattern == null ? Set.of() : OpVars.fixedVars(pattern);
        Set<Var> bound = new HashSet<>();
        if (pattern != null) {
            Tuple<Set<Var>> byPosition = OpVars.mentionedVarsByPosition(pattern);
            byPosition.forEach(bound::addAll);
        }
        params.vars().forEachRemaining(v -> {
            if (!used.contains(v)) {
                throw new IllegalArgumentException("the query has no variable " + v + " to bind; it uses "
                        + used.stream().filter(u -> !u.isAllocVar() && !u.getVarName().startsWith("?"))
                        .map(Var::toString).sorted().toList());
            }
            if (bound.contains(v) && !fixed.contains(v)) {
                throw new IllegalArgumentException(v + " is not bound in every result of the query (it occurs inside"
                        + " OPTIONAL, on one side of a UNION or in a subquery), so a value for it would not narrow"
                        + " the results; filter on it in the query instead");
            }
        });
    }

    /**
     * Makes the substituted syntax writable as SPARQL, keeping its meaning: a constant cannot stand where the
     * grammar wants a variable. Ordering by a constant does nothing, so it goes; grouping by one keeps its single
     * group as an unnamed {@code GROUP BY ("value")}; a subquery no longer exports a variable the outer query has
     * replaced everywhere (the outer query projects the value itself).
     */
    private static void writable(Query q, Set<Var> substituted, boolean top) {
        if (q.getOrderBy() != null) {
            q.getOrderBy().removeIf((SortCondition c) -> c.getExpression().isConstant());
        }
        VarExprList groups = new VarExprList(q.getGroupBy());
        q.getGroupBy().clear();
        groups.forEachVarExpr((v, e) -> {
            if (e == null) q.addGroupBy(v);
            else q.addGroupBy(substituted.contains(v) && e.isConstant() ? null : v, e);
        });
        if (!top && q.isSelectType()) {
            VarExprList project = q.getProject();
            List<Var> kept = new ArrayList<>();
            project.getVars().forEach(v -> {
                Expr e = project.getExpr(v);
                if (!(substituted.contains(v) && e != null && e.isConstant())) kept.add(v);
            });
            if (!kept.isEmpty() && kept.size() < project.size()) {
                VarExprList copy = new VarExprList(project);
                project.clear();
                kept.forEach(v -> project.add(v, copy.getExpr(v)));
            }
        }
        if (q.getQueryPattern() != null) {
            ElementWalker.walk(q.getQueryPattern(), new ElementVisitorBase() {
                @Override
                public void visit(ElementSubQuery el) {
                    writable(el.getQuery(), substituted, false);
                }
            });
        }
    }

    private static String names(Collection<Var> vars) {
        return vars.stream().map(Var::toString).sorted().toList().toString().replaceAll("[\\[\\]]", "");
    }
}
