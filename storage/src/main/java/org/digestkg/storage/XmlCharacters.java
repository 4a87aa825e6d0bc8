package org.digestkg.storage;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * Finds the characters RDF/XML cannot carry. XML 1.0 has no way to write most control characters (U+0000–U+001F
 * but tab, newline and return; U+FFFE, U+FFFF), not even as character references, yet a digest may hold them and
 * the other syntaxes write them escaped. So an RDF/XML export says which statement stands in the way, before writing
 * anything, instead of failing halfway through the document.
 */
final class XmlCharacters {

    private Triple first;
    private int firstChar;
    private long statements;

    /** Notes {@code t} if one of its terms holds a character XML 1.0 cannot carry. */
    void check(Triple t) {
        int c = forbidden(t.getSubject());
        if (c < 0) c = forbidden(t.getPredicate());
        if (c < 0) c = forbidden(t.getObject());
        if (c < 0) return;
        if (first == null) {
            first = t;
            firstChar = c;
        }
        statements++;
    }

    /** @throws IllegalStateException naming the first statement that cannot be written, and how many there are */
    void failIfAny() {
        if (first == null) return;
        String object = visible(NodeFmtLib.strNT(first.getObject()));
        if (object.length() > 160) object = object.substring(0, 157) + "...";
        throw new IllegalStateException(String.format("RDF/XML (XML 1.0) cannot carry the character U+%04X in %s %s %s%s;"
                        + " Turtle, N-Triples, N-Quads, TriG and JSON-LD can",
                firstChar, NodeFmtLib.strNT(first.getSubject()), NodeFmtLib.strNT(first.getPredicate()), object,
                statements > 1 ? " (and " + (statements - 1) + " more statement(s))" : ""));
    }

    /** The term as N-Triples shows it, with control characters escaped so that a terminal shows them too. */
    private static String visible(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7F || c == 0xFFFE || c == 0xFFFF) b.append(String.format("\\u%04X", c));
            else b.appendCodePoint(c);
        });
        return b.toString();
    }

    /** The first character of the term XML 1.0 cannot carry, or -1. */
    private static int forbidden(Node n) {
        String s = n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : null;
        if (s == null) return -1;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (!allowed(c)) return c;
            i += Character.charCount(c);
        }
        return -1;
    }

    /** XML 1.0's Char production. */
    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }
}
