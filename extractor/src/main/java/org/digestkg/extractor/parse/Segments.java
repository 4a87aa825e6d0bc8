package org.digestkg.extractor.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * A line holding several fields separated by bars, as some forks print their metadata:
 * {@code AB Test: no | Industrial: yes}, {@code *A, B* | **Category: cs.CL** | **Updated: …**},
 * {@code **Topic:** x &nbsp;|&nbsp; **Venue:** y}, {@code *A, B* | cs.CL, cs.AI}, {@code **8.5** | *A, B*},
 * {@code [**[PDF]**](…) | **Categories:** cs.CL, cs.AI}. A bar inside a value ({@code TL;DR: A | B}) does not make
 * one: every part must be a label, the author line, category codes, a link or a bold value alone.
 */
final class Segments {

    enum Kind {
        LABEL, AUTHORS, CODES, LINK, VALUE
    }

    /** One part of the line: its text and what it is ({@code label} is set for {@link Kind#LABEL}). */
    record Part(String text, Kind kind, LabelShape.Line label) {
    }

    private Segments() {
    }

    /** The parts of a line of several fields, or null when the line is not one. */
    static List<Part> split(String line) {
        if (line.indexOf('|') < 0 || line.startsWith("|") || line.startsWith(">") || line.length() > Lines.MAX_STRUCTURE_LINE) {
            return null;
        }
        String[] texts = line.replace("&nbsp;", " ").split("\\|", -1);
        if (texts.length < 2) {
            return null;
        }
        List<Part> parts = new ArrayList<>(texts.length);
        boolean named = false;
        for (String t : texts) {
            String s = t.strip();
            Part p = part(s);
            if (p == null) {
                return null;
            }
            named |= p.kind == Kind.LABEL || p.kind == Kind.AUTHORS;
            parts.add(p);
        }
        return named ? parts : null;
    }

    private static Part part(String s) {
        if (s.isEmpty()) {
            return null;
        }
        if (AuthorLine.matches(s)) {
            return new Part(s, Kind.AUTHORS, null);
        }
        LabelShape.Line label = LabelShape.of(s);
        if (label != null && (label.form() == LabelMatch.Form.PLAIN || label.form() == LabelMatch.Form.BOLD)
                && !label.bullet() && !label.quoted()) {
            return new Part(s, Kind.LABEL, label);
        }
        if (isLink(s)) {
            return new Part(s, Kind.LINK, null);
        }
        if (areCodes(s)) {
            return new Part(s, Kind.CODES, null);
        }
        if (s.length() > 4 && s.length() < 40 && s.startsWith("**") && s.endsWith("**") && s.indexOf("**", 2) == s.length() - 2) {
            return new Part(s, Kind.VALUE, null);
        }
        return null;
    }

    /** {@code [text](url)}, the text possibly bold: a link and nothing else. */
    static boolean isLink(String s) {
        String t = LabelShape.unbold(s);
        return t.startsWith("[") && t.endsWith(")") && t.indexOf("](") > 0 && t.indexOf(' ', t.indexOf("](")) < 0;
    }

    /** {@code cs.CL}, {@code cs.CL, cs.AI}, {@code `cs.CV`}: category codes and nothing else. */
    static boolean areCodes(String s) {
        String t = s.replace("`", "");
        boolean any = false;
        for (String token : t.split("[,，;、\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (!Lines.isCategoryCode(token)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The URL of a {@code [text](url)} link. */
    static String linkUrl(String s) {
        String t = LabelShape.unbold(s);
        int open = t.lastIndexOf("](");
        return t.substring(open + 2, t.length() - 1).strip();
    }

    /** The text of a {@code [text](url)} link, without markup. */
    static String linkText(String s) {
        String t = LabelShape.unbold(s);
        String text = t.substring(1, t.lastIndexOf("]("));
        return text.replace("*", "").replace("[", "").replace("]", "").strip();
    }
}
