package org.digestkg.explorer.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/** One answer row, read by variable name; an unbound variable (or a value of the wrong kind) reads as null. */
public record Row(Binding binding) {

    public Node node(String var) {
        return binding.get(Var.alloc(var));
    }

    /** The IRI, or null. */
    public String iri(String var) {
        Node n = node(var);
        return n != null && n.isURI() ? n.getURI() : null;
    }

    /** A literal's lexical form (an IRI's text), or null. */
    public String text(String var) {
        Node n = node(var);
        if (n == null) {
            return null;
        }
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : null;
    }

    /** A literal with its language tag ("" when it has none), or null. */
    public Text tagged(String var) {
        Node n = node(var);
        return n != null && n.isLiteral() ? new Text(n.getLiteralLexicalForm(), n.getLiteralLanguage()) : null;
    }

    public int integer(String var, int otherwise) {
        String s = text(var);
        try {
            return s == null ? otherwise : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    public LocalDate date(String var) {
        String s = text(var);
        try {
            return s == null ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
