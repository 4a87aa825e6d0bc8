package org.digestkg.extractor.parse;

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

    private Lines() {
    }

    /** Any length: an overlong heading is still an entry, which the entry parser then rejects. */
    static boolean isEntryHeading(String line) {
        return ENTRY_HEADING.matcher(line).lookingAt();
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
        // "# Computer Vision [[Back]](#toc)": a category heading all the same, named by its first word
        return Optional.of(new SectionHeading(backLink ? first : null, text));
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
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || " \t,;，、()[]（）".indexOf(text.charAt(i)) >= 0) {
                if (i > from && isCategoryCode(text.substring(from, i))) {
                    return Optional.of(text.substring(from, i));
                }
                from = i + 1;
            }
        }
        return Optional.empty();
    }

    static boolean isStructure(String line) {
        return line.length() <= MAX_STRUCTURE_LINE && (STRUCTURE.matcher(line).matches() || isRule(line));
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
