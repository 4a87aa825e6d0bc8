package org.digestkg.extractor.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The author line {@code *A,B,C*}. Not read as markdown emphasis: names end in {@code *} (a footnote mark),
 * so {@code *X,Mariia Gladkova**} is X and "Mariia Gladkova*" and emphasis rules would eat the marks.
 */
final class AuthorLine {

    private AuthorLine() {
    }

    /** Starts with a single {@code *} and ends with one: italics, not a bold label line. */
    static boolean matches(String line) {
        String s = line.strip();
        return s.length() >= 3 && s.charAt(0) == '*' && s.charAt(1) != '*' && s.endsWith("*");
    }

    /** The names as printed, in order: one leading and one trailing {@code *} removed, split at commas. */
    static List<String> names(String line) {
        String s = line.strip();
        String inner = s.substring(1, s.length() - 1);
        List<String> names = new ArrayList<>();
        for (String part : inner.split(",", -1)) {
            String name = part.strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
