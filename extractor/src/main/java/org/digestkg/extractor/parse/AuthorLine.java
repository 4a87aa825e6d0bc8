package org.digestkg.extractor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The author line {@code *A,B,C*}. Not read as markdown emphasis: names end in {@code *} (a footnote mark),
 * so {@code *X,Mariia Gladkova**} is X and "Mariia Gladkova*" and emphasis rules would eat the marks.
 * Names are separated by {@code ,} (with or without a space) or the full-width {@code ，}.
 */
final class AuthorLine {

    /** A generational suffix printed after a comma: Jr., Sr., II, III, IV. */
    private static final Pattern SUFFIX = Pattern.compile("(?:Jr|Sr|JR|SR)\\.?|I{2,3}|IV");

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
        return split(s.substring(1, s.length() - 1));
    }

    /**
     * Names separated by commas, as printed, blank ones left out. A generational suffix after a comma belongs to the
     * name before it ({@code Henry M. Cathey, Jr.}), as arXiv lists it.
     */
    static List<String> split(String list) {
        List<String> names = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= list.length(); i++) {
            if (i == list.length() || list.charAt(i) == ',' || list.charAt(i) == '，') {
                String name = list.substring(from, i).strip();
                if (!names.isEmpty() && name.length() <= 3 && SUFFIX.matcher(name).matches()) {
                    names.set(names.size() - 1, names.get(names.size() - 1) + list.substring(from - 1, i).stripTrailing());
                } else if (!name.isEmpty()) {
                    names.add(name);
                }
                from = i + 1;
            }
        }
        return names;
    }
}
