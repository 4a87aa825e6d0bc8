package org.digestkg.extractor.parse;

/**
 * Whether a line <em>looks like</em> it starts a field, whatever the label says: the shape alone, in every style the
 * generator's forks print labels in. Whether a label-shaped line really starts a field is decided elsewhere, by
 * recurrence across the digest's entries ({@link TemplateSurvey}) or, for a digest too small to infer from, by the
 * label table ({@link Labels}).
 *
 * <p>Shapes read, each with an ASCII or full-width colon and the value on the same line, on the next lines, or empty:
 * <ul>
 * <li>plain {@code Name: value}; bold {@code **Name:** value}, {@code **Name**: value}, {@code **Name: value**}
 *     (or {@code __});</li>
 * <li>quoted {@code > **Name:** value}; bulleted {@code - Name: value}, {@code - **Name**: value};</li>
 * <li>an emoji, symbol or number before the name: {@code 🧩 TL;DR:}, {@code **📊 主类别**:}, {@code 1. Name:};</li>
 * <li>heading {@code #### 🧩 Name} (levels 3 to 6), a bold name alone {@code **Name**}, the value below;</li>
 * <li>a two-cell table row {@code | 🎯 Name | value |}.</li>
 * </ul>
 * A name is at most {@value #MAX_NAME} characters, holds a letter, and reads like a name, not a sentence (no comma,
 * full stop or link in it). Lines indented by spaces are text. Linear in the line; no pattern is run on it.
 */
final class LabelShape {


    /** Longer names are text: the longest label seen in a fork's template is about 40 characters. */
    static final int MAX_NAME = 48;
    /** A heading or a bold name alone longer than this is text. */
    static final int MAX_HEADING = 200;

    /**
     * A label-shaped line.
     *
     * @param printed the name as printed, without markup, decoration or colon ({@code TL;DR}, {@code 中文摘要})
     * @param key     the name normalised for comparison ({@link #key})
     * @param rest    the text after the label on the same line, leading whitespace removed ("" when none)
     * @param form    how the label is printed
     * @param quoted  the line is a {@code >} quote, so the value's next lines lose their quote marker too
     * @param bullet  the line is a list item {@code - …}, so the value ends with the item
     * @param level   the heading level of a heading label, else 0
     */
    record Line(String printed, String key, String rest, LabelMatch.Form form, boolean quoted, boolean bullet, int level) {

        /** The value is on the following lines: a heading or a name alone. */
        boolean valueBelow() {
            return form == LabelMatch.Form.HEADING;
        }
    }

    private LabelShape() {
    }

    /** The label this line is shaped as, or null. */
    static Line of(String line) {
        int n = line.length();
        if (n == 0 || n > Lines.MAX_STRUCTURE_LINE && indexOfColon(line, 0, MAX_NAME + 16) < 0) {
            return null;
        }
        int i = 0;
        boolean quoted = false;
        while (i < n && line.charAt(i) == '>') {
            quoted = true;
            i++;
            if (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
        }
        if (i >= n) {
            return null;
        }
        char c = line.charAt(i);
        if (c == '#') {
            return heading(line, i, quoted);
        }
        if (c == '|') {
            return quoted ? null : tableRow(line, i);
        }
        boolean bullet = false;
        if ((c == '-' || c == '+' || c == '*') && i + 1 < n && line.charAt(i + 1) == ' ') {
            bullet = true;
            i += 2;
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
        }
        return named(line, i, quoted, bullet);
    }

    /** {@code Name: value}, {@code **Name:** value}, {@code **Name**: value}, {@code **Name**} alone, from {@code i}. */
    private static Line named(String line, int i, boolean quoted, boolean bullet) {
        int n = line.length();
        String bold = null;
        if (line.startsWith("**", i) || line.startsWith("__", i)) {
            bold = line.substring(i, i + 2);
            i += 2;
        }
        int start = skipNumber(line, skipDecoration(line, i));
        if (start >= n || !startsName(line.codePointAt(start))) {
            return null;
        }
        int limit = Math.min(n, start + MAX_NAME + 1);
        for (int j = start; j < limit; j++) {
            char c = line.charAt(j);
            if (c == ':' || c == '：') {
                if (c == ':' && line.startsWith("//", j + 1)) {
                    return null; // a URL, "https://…"
                }
                String name = line.substring(start, j);
                int after = j + 1;
                boolean closed = false;
                if (bold != null && name.endsWith(bold)) {
                    name = name.substring(0, name.length() - 2); // "**Name**:"
                    closed = true;
                } else if (bold != null && line.startsWith(bold, after)) {
                    after += 2; // "**Name:**"
                    closed = true;
                }
                return make(name, rest(line, after, bold, closed), bold == null ? LabelMatch.Form.PLAIN : LabelMatch.Form.BOLD, quoted,
                        bullet, 0);
            }
            if (bold != null && line.startsWith(bold, j)) {
                // "**Name** value" or "**Name**" alone, or "**Name** : value"
                int k = j + 2;
                while (k < n && line.charAt(k) == ' ') {
                    k++;
                }
                if (k < n && (line.charAt(k) == ':' || line.charAt(k) == '：')) {
                    return make(line.substring(start, j), rest(line, k + 1, null, true), LabelMatch.Form.BOLD, quoted, bullet, 0);
                }
                if (line.substring(k).isBlank() && line.length() - start <= MAX_HEADING) {
                    return make(line.substring(start, j), "", LabelMatch.Form.HEADING, quoted, bullet, 0);
                }
                return null;
            }
            if (breaksName(line, j)) {
                return null;
            }
        }
        return null;
    }

    /** The value after the label's colon; a whole bold line "**Name: value**" loses its closing marker. */
    private static String rest(String line, int from, String bold, boolean closed) {
        String rest = line.substring(Math.min(from, line.length())).stripLeading();
        if (bold != null && !closed) {
            String r = rest.stripTrailing();
            if (r.endsWith(bold)) {
                rest = r.substring(0, r.length() - bold.length());
            }
        }
        return rest;
    }

    private static Line heading(String line, int i, boolean quoted) {
        int n = line.length();
        int hashes = 0;
        while (i + hashes < n && line.charAt(i + hashes) == '#') {
            hashes++;
        }
        if (hashes < 3 || hashes > 6 || i + hashes >= n || (line.charAt(i + hashes) != ' ' && line.charAt(i + hashes) != '\t')) {
            return null;
        }
        String text = line.substring(i + hashes).strip();
        if (text.length() > MAX_HEADING || text.startsWith("[")) {
            return null; // an entry heading "### [1] [Title](…)", or a heading too long to be a label
        }
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '#') {
            end--; // closing sequence "#### TL;DR ####"
        }
        text = unbold(text.substring(0, end).strip());
        int start = skipNumber(text, skipDecoration(text, 0));
        // "#### TL;DR: on the line" keeps its value on the line
        int colon = indexOfColon(text, start, MAX_NAME + 1);
        if (colon >= 0 && !text.startsWith("//", colon + 1)) {
            String rest = text.substring(colon + 1).strip();
            return make(text.substring(start, colon), rest, LabelMatch.Form.HEADING, quoted, false, hashes);
        }
        return make(text.substring(start), "", LabelMatch.Form.HEADING, quoted, false, hashes);
    }

    /**
     * A {@code <summary>Name</summary>} line (optionally after {@code <details>}): a label whose value is the rest of
     * the {@code <details>} block, or null when the line is something else.
     */
    static Line summary(String line) {
        String s = line.strip();
        if (s.length() > MAX_HEADING || s.indexOf('<') < 0) {
            return null;
        }
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        int open = lower.indexOf("<summary>");
        int close = lower.lastIndexOf("</summary>");
        if (open < 0 || close < open || !lower.substring(0, open).replace("<details>", "").isBlank()
                || !lower.substring(close + "</summary>".length()).isBlank()) {
            return null;
        }
        String name = unbold(s.substring(open + "<summary>".length(), close).strip());
        int start = skipNumber(name, skipDecoration(name, 0));
        if (start >= name.length()) {
            return null;
        }
        return make(name.substring(start), "", LabelMatch.Form.HEADING, false, false, 0);
    }

    /** {@code | Name | value |}: a row of two cells whose first names the second. */
    private static Line tableRow(String line, int i) {
        String s = line.strip();
        if (s.length() < 5 || !s.endsWith("|")) {
            return null;
        }
        int bar = s.indexOf('|', 1);
        if (bar < 0 || bar == s.length() - 1 || s.indexOf('|', bar + 1) != s.length() - 1) {
            return null;
        }
        String name = unbold(s.substring(1, bar).strip());
        String value = s.substring(bar + 1, s.length() - 1).strip();
        int start = skipNumber(name, skipDecoration(name, 0));
        if (start >= name.length() || name.length() > MAX_NAME + 8 || !startsName(name.codePointAt(start))) {
            return null;
        }
        for (int j = start; j < name.length(); j++) {
            if (breaksName(name, j)) {
                return null;
            }
        }
        return make(name.substring(start), value, LabelMatch.Form.TABLE, false, false, 0);
    }

    private static Line make(String name, String rest, LabelMatch.Form form, boolean quoted, boolean bullet, int level) {
        String printed = withoutColon(unbold(name.strip())).strip();
        if (printed.isEmpty() || printed.length() > (form == LabelMatch.Form.HEADING ? MAX_HEADING : MAX_NAME)) {
            return null;
        }
        String key = key(printed);
        if (key.isEmpty() || key.codePoints().noneMatch(Character::isLetter)) {
            return null;
        }
        return new Line(printed, key, rest, form, quoted, bullet, level);
    }

    /**
     * The name normalised for comparison: letters and digits only, lower case, full-width forms as ASCII. So
     * {@code TL;DR}, {@code TL; DR}, {@code **TLDR**} give {@code tldr}; {@code AI_Comments} and {@code AI comments}
     * give {@code aicomments}; {@code 实验 / 验证} gives {@code 实验验证}; emoji and punctuation vanish.
     */
    static String key(CharSequence name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); ) {
            int cp = Character.codePointAt(name, i);
            i += Character.charCount(cp);
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                cp -= 0xFEE0; // full-width ASCII
            }
            if (Character.isLetterOrDigit(cp)) {
                b.appendCodePoint(Character.toLowerCase(cp));
            }
        }
        return b.toString();
    }

    /** The key of the last parenthesised part of a name ({@code 연구 동기 (Motivation)} gives "motivation"), or "". */
    static String innerKey(String printed) {
        String s = printed.strip();
        if (!(s.endsWith(")") || s.endsWith("）"))) {
            return "";
        }
        int open = Math.max(s.lastIndexOf('('), s.lastIndexOf('（'));
        return open <= 0 ? "" : key(s.substring(open + 1, s.length() - 1));
    }

    /** A name starts with a letter, a digit or an ideograph, never with markup or punctuation. */
    private static boolean startsName(int cp) {
        return Character.isLetterOrDigit(cp);
    }

    /** A comma, a full stop ending a sentence, a question mark or a link: this is a sentence, not a name. */
    private static boolean breaksName(String s, int j) {
        char c = s.charAt(j);
        switch (c) {
            case ',', '，', '。', '?', '？', '!', '！', '`', '*', '[', ']', '<', '>', '|', '=', '"':
                return true;
            case '.':
                return j + 1 < s.length() && s.charAt(j + 1) == ' ';
            default:
                return false;
        }
    }

    private static int indexOfColon(String s, int from, int span) {
        int limit = Math.min(s.length(), from + span);
        for (int j = from; j < limit; j++) {
            char c = s.charAt(j);
            if (c == ':' || c == '：') {
                return j;
            }
        }
        return -1;
    }

    static String unbold(String s) {
        if (s.length() > 4 && (s.startsWith("**") && s.endsWith("**") || s.startsWith("__") && s.endsWith("__"))) {
            return s.substring(2, s.length() - 2).strip();
        }
        if (s.length() > 7 && s.regionMatches(true, 0, "<b>", 0, 3) && s.regionMatches(true, s.length() - 4, "</b>", 0, 4)) {
            return s.substring(3, s.length() - 4).strip();
        }
        return s;
    }

    private static String withoutColon(String s) {
        String t = s.stripTrailing();
        while (!t.isEmpty() && (t.endsWith(":") || t.endsWith("："))) {
            t = t.substring(0, t.length() - 1).stripTrailing();
        }
        return t;
    }

    /**
     * Past emoji and like symbols that decorate a label ({@code 🧩 TL;DR}, {@code 📄 Abstract}). Only when the text
     * starts with a symbol: plain leading spaces are not decoration (an indented line is text).
     */
    static int skipDecoration(String s, int from) {
        if (from >= s.length() || !isDecoration(s.codePointAt(from)) || Character.isWhitespace(s.codePointAt(from))) {
            return from;
        }
        int i = from;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!isDecoration(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    private static boolean isDecoration(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT || Character.isWhitespace(cp) || cp == '\u3000';
    }

    /** Past a number before a name: {@code 1. }, {@code 2) }, {@code ③ }; the number must be followed by a space. */
    private static int skipNumber(String s, int from) {
        int i = from;
        while (i < s.length() && i - from < 3 && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i > from && i + 1 < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ')') && s.charAt(i + 1) == ' ') {
            return skipDecoration(s, i + 2);
        }
        if (from < s.length() && s.charAt(from) >= '\u2460' && s.charAt(from) <= '\u2473') {
            return skipDecoration(s, from + 1); // circled numbers
        }
        return from;
    }
}
