package org.digestkg.storage.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.util.NodeFactoryExtra;

/**
 * Query parameters written {@code NAME=VALUE}. Values become RDF terms bound to {@code ?NAME} by Jena's syntax-level
 * substitution ({@link ParameterSubstitution}), never pasted into the query text, so a value cannot change the
 * query's shape. Each parameter takes one value: a second value for a name is refused rather than silently
 * replacing the first.
 * <p>
 * A value written as an RDF term ({@code <http://…>}, {@code "x"@en}, {@code "2026-02-04"^^<…#date>} with a full
 * datatype IRI), a whole number ({@code 42}) or {@code true}/{@code false} is that term (a quoted string followed by
 * more text, such as the search {@code "vision language" AND benchmark}, is not one); a day written
 * {@code YYYY-MM-DD} is an {@code xsd:date}, as the store's days are (so {@code since=2026-02-20} filters by day
 * rather than comparing a date with a string, which matches nothing); anything else is a plain string literal, so
 * {@code author=Runjie Zhou} and {@code arxivId=2602.02537} need no quoting.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** @throws IllegalArgumentException for an assignment that is not {@code NAME=VALUE}, or a name given twice */
    public static Binding parse(List<String> assignments) {
        Map<String, Node> values = new LinkedHashMap<>();
        Map<String, String> written = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("a parameter is NAME=VALUE, not '" + a + "'");
            String name = a.substring(0, eq).strip();
            if (name.startsWith("?") || name.startsWith("$")) name = name.substring(1);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("parameter name '" + name + "' is not a SPARQL variable name");
            }
            String value = a.substring(eq + 1);
            if (written.containsKey(name)) {
                throw new IllegalArgumentException("?" + name + " is given twice ('" + written.get(name) + "', then '"
                        + value + "'); a parameter takes one value");
            }
            written.put(name, value);
            values.put(name, term(value));
        }
        BindingBuilder b = BindingBuilder.create();
        values.forEach((n, v) -> b.add(Var.alloc(n), v));
        return b.build();
    }

    static Node term(String value) {
        String v = value.strip();
        if (v.startsWith("\"")) {
            try {
                return NodeFactoryExtra.parseNode(v);
            } catch (RiotException | IllegalArgumentException e) {
                // one quoted string with a language or a datatype was meant as a term; other text that starts with a
                // quote is text, such as the search "vision language" AND benchmark
                if (v.matches("(?s)\"[^\"]*\"(@.*|\\^\\^.*)")) {
                    throw new IllegalArgumentException("cannot read parameter value " + value + ": " + e.getMessage());
                }
                return NodeFactory.createLiteralString(value);
            }
        }
        boolean looksLikeTerm = v.startsWith("<") && v.endsWith(">") || v.matches("[+-]?\\d+") || v.equals("true")
                || v.equals("false");
        if (looksLikeTerm) {
            try {
                return NodeFactoryExtra.parseNode(v);
            } catch (RiotException | IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot read parameter value " + value + ": " + e.getMessage());
            }
        }
        if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return NodeFactory.createLiteralDT(LocalDate.parse(v).toString(), XSDDatatype.XSDdate);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("cannot read parameter value " + value + ": not a day of the calendar"
                        + " (YYYY-MM-DD)");
            }
        }
        return NodeFactory.createLiteralString(value);
    }
}
