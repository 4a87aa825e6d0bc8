package org.digestkg.extractor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a single line of a digest is, as far as splitting the file into entries goes. Lines longer than
 * {@link #MAX_STRUCTURE_LINE} are always text: no heading or layout line is that long, and no pattern here is
 * ever run over a huge line. No pattern repeats a group, so none can overflow the stack however long its input.
 */
final class Lines {

    /** A level-1 or level-2 heading; {@code code} is its category code, or null (e.g. "Table of Contents"). */
    record SectionHeading(String code, String text) {
        boolean isCategory() {
            return code != null;
        }
    }

    static final int MAX_STRUCTURE_LINE = 4096;

    private static final Pattern ENTRY_HEADING = Pattern.compile("###[ \\t]+\\[");
    private static final Pattern SECTION_HEADING = Pattern.compile("#{1,2}[ \\t]+(\\S+)(.*)");
    // cs.CV, q-bio.NC, astro-ph.CO, eess.IV; archives without subject classes: hep-th, quant-ph, gr-qc
    private static final Pattern CATEGORY_CODE = Pattern.compile("[a-z][a-z-]*\\.[A-Za-z-]+|[a-z]+-[a-z-]*[a-z]");
    // a code with an upper-case subject class anywhere in a heading, "计算机视觉 (cs.CV)"; not "arxiv.org"
    private static final Pattern CODE_IN_TEXT = Pattern.compile(
            "(?<![\\w.-])([a-z]+(?:-[a-z]+)?\\.[A-Z]{2})(?![\\w.-])");
    private static final Pattern BACK_LINK = Pattern.compile("\\]\\(#toc\\)");
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{4}-\\d{2}-\\d{2})(?!\\d)");
    // HTML that the generator and its forks use for layout and anchors: never part of a value
    private static final Pattern STRUCTURE = Pattern.compile(
            "\\s*(?:</?(?:details|summary|div|center|hr)\\b[^>]*>.*|<a\\s+(?:id|name)=[^>]*>\\s*</a>\\s*|<!--.*-->\\s*)",
            Pattern.CASE_INSENSITIVE);

    /**
     * A line of nothing but links within the page ({@code [⬆️ Back to top](#cscr) | [⬆️ Contents](#toc)}): a
     * template's navigation between entries, which ends the value before it and is nobody's text.
     */
    private static final Pattern NAVIGATION = Pattern.compile(
            "(?:\\[[^\\[\\]]*+\\]\\(#[^()\\s]*+\\)\\s*+[|·•/]?+\\s*+)++");

    private Lines() {
    }

    /** Any length: an overlong heading is still an entry, which the entry parser then rejects. */
    static boolean isEntryHeading(String line) {
        return ENTRY_HEADING.matcher(line).lookingAt();
    }

    /** A level-3 heading, {@code ### …}: an entry's heading in a digest whose entries are headed by titles alone. */
    static boolean isLevel3Heading(String line) {
        return line.length() > 4 && line.startsWith("###") && (line.charAt(3) == ' ' || line.charAt(3) == '\t');
    }

    static Optional<SectionHeading> sectionHeading(String line) {
        if (line.length() > MAX_STRUCTURE_LINE) {
            return Optional.empty();
        }
        Matcher m = SECTION_HEADING.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        String first = m.group(1);
        String text = line.substring(line.indexOf(first)).strip();
        if (CATEGORY_CODE.matcher(first).matches()) {
            return Optional.of(new SectionHeading(first, text));
        }
        boolean backLink = BACK_LINK.matcher(m.group(2)).find();
        Matcher code = CODE_IN_TEXT.matcher(line);
        if (code.find()) {
            return Optional.of(new SectionHeading(code.group(1), text));
        }
        // "# Computer Vision [[Back]](#toc)": a category heading all the same, named as its table of contents names it
        return Optional.of(new SectionHeading(backLink ? beforeBackLink(first + m.group(2)) : null, text));
    }

    /** The heading's name before its {@code [[Back]](#toc)} link. */
    private static String beforeBackLink(String text) {
        int link = text.lastIndexOf("](#toc)");
        int open = text.lastIndexOf('[', link);
        if (open > 0 && text.charAt(open - 1) == '[') {
            open--;
        }
        String name = open > 0 ? text.substring(0, open).strip() : text.strip();
        return name.isEmpty() ? text.strip() : name;
    }

    /** The first {@code YYYY-MM-DD} in a section heading's text ({@code # 2026-02-04}), if any. */
    static Optional<String> dateIn(SectionHeading heading) {
        Matcher m = DATE.matcher(heading.text());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether {@code token} is shaped like an arXiv category code. */
    static boolean isCategoryCode(String token) {
        return token.length() <= 40 && CATEGORY_CODE.matcher(token).matches();
    }

    /** The first token of {@code text} shaped like a category code ({@code "cs.CL, cs.AI"} gives cs.CL). */
    static Optional<String> firstCategoryCode(String text) {
        List<String> codes = categoryCodes(text);
        return codes.isEmpty() ? Optional.empty() : Optional.of(codes.get(0));
    }

    /** The tokens of {@code text} shaped like category codes, in order, each once ({@code "cs.CL, cs.AI"}). */
    static List<String> categoryCodes(String text) {
        List<String> codes = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || " \t,;，、()[]（）`".indexOf(text.charAt(i)) >= 0) {
                if (i > from) {
                    String token = text.substring(from, i);
                    if (isCategoryCode(token) && !codes.contains(token)) {
                        codes.add(token);
                    }
                }
                from = i + 1;
            }
        }
        return codes;
    }

    static boolean isStructure(String line) {
        if (line.isEmpty() || line.length() > MAX_STRUCTURE_LINE) {
            return false;
        }
        char c = line.charAt(0);
        if (c == '[') {
            return NAVIGATION.matcher(line).matches();
        }
        // only lines that start like layout are matched against the pattern: most lines are text
        if (c != ' ' && c != '\t' && c != '<' && c != '-' && c != '*' && c != '_' && c != '|') {
            return false;
        }
        return STRUCTURE.matcher(line).matches() || isRule(line) || isTableRule(line);
    }

    /** The rule under a table's header, {@code |---|:---:|}. */
    static boolean isTableRule(String line) {
        String s = line.strip();
        if (s.length() < 3 || s.charAt(0) != '|') {
            return false;
        }
        boolean dash = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-') {
                dash = true;
            } else if (c != '|' && c != ':' && c != ' ') {
                return false;
            }
        }
        return dash;
    }

    /** A markdown thematic break: {@code ---}, {@code ***}, {@code ___}, {@code - - -}. */
    static boolean isRule(String line) {
        if (line.length() > MAX_STRUCTURE_LINE) {
            return false;
        }
        String s = line.strip();
        if (s.isEmpty() || "-*_".indexOf(s.charAt(0)) < 0 || line.indexOf(s.charAt(0)) > 3) {
            return false;
        }
        char c = s.charAt(0);
        int marks = 0;
        for (int i = 0; i < s.length(); i++) {
            char x = s.charAt(i);
            if (x == c) {
                marks++;
            } else if (x != ' ' && x != '\t') {
                return false;
            }
        }
        return marks >= 3;
    }

    /** How many {@code <details} open and {@code </details>} close tags a line holds, as {@code opens - closes}. */
    static int detailsBalance(String line) {
        if (line.length() > MAX_STRUCTURE_LINE || line.indexOf('<') < 0) {
            return 0;
        }
        String lower = line.toLowerCase(java.util.Locale.ROOT);
        return count(lower, "<details") - count(lower, "</details");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    /** A line cut short for a message, so one bad line cannot flood a log. */
    static String excerpt(String line) {
        String s = line.length() > 1000 ? line.substring(0, 1000) : line;
        s = s.strip();
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
