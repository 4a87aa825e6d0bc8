package org.digestkg.extractor.parse;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a single line of a digest is, as far as splitting the file into entries goes. */
final class Lines {

    /** A level-1 or level-2 heading; {@code code} is its category code, or null (e.g. "Table of Contents"). */
    record SectionHeading(String code) {
        boolean isCategory() {
            return code != null;
        }
    }

    private static final Pattern ENTRY_HEADING = Pattern.compile("^###[ \\t]+\\[");
    private static final Pattern SECTION_HEADING = Pattern.compile("^#{1,2}[ \\t]+(\\S+)(.*)$");
    // cs.CV, q-bio.NC, astro-ph.CO, eess.IV; archives without subject classes: hep-th, quant-ph, gr-qc
    private static final Pattern CATEGORY_CODE = Pattern.compile("[a-z][a-z-]*\\.[A-Za-z-]+|[a-z]+(?:-[a-z]+)+");
    private static final Pattern BACK_LINK = Pattern.compile("\\]\\(#toc\\)");
    // HTML that the generator uses for layout and anchors: never part of a value
    private static final Pattern STRUCTURE = Pattern.compile("^\\s*</?(?:details|summary|div)\\b[^>]*>.*$",
            Pattern.CASE_INSENSITIVE);

    private Lines() {
    }

    static boolean isEntryHeading(String line) {
        return ENTRY_HEADING.matcher(line).find();
    }

    static Optional<SectionHeading> sectionHeading(String line) {
        Matcher m = SECTION_HEADING.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        String first = m.group(1);
        boolean category = CATEGORY_CODE.matcher(first).matches() || BACK_LINK.matcher(m.group(2)).find();
        return Optional.of(new SectionHeading(category ? first : null));
    }

    static boolean isStructure(String line) {
        return STRUCTURE.matcher(line).matches();
    }

    /** A line cut short for a message, so one bad line cannot flood a log. */
    static String excerpt(String line) {
        String s = line.strip();
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
