package org.digestkg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the digest layout, line by line, written independently of {@link DigestWriter}: any
 * deviation (a missing blank line, a field out of order, a TOC total that does not match) fails with the
 * line number. The same reader accepts the real digests in data/, which is what makes passing it mean
 * "looks like the generator's output".
 */
final class DigestShape {

    /**
     * One entry. {@code abstractLines} is 1 unless the abstract has indented continuation paragraphs;
     * {@code listFields} counts the Chinese fields written as a numbered list over several lines.
     */
    record Entry(int rank, String title, String arxivId, List<String> authors, String mainCategory,
                 int abstractLines, int listFields) {
    }

    record Section(String category, int total, List<Entry> entries) {
    }

    private static final Pattern TOC = Pattern.compile("- \\[(\\S+)\\]\\(#(\\S+)\\) \\[Total: (\\d+)\\]");
    private static final Pattern HEADING =
            Pattern.compile("### \\[(\\d+)\\] \\[(.*)\\]\\(https://arxiv\\.org/abs/(\\d{4}\\.\\d{4,5})\\)");
    private static final Pattern LIST_ITEM = Pattern.compile("\\d+\\. \\S.*");
    private static final String[] DETAILS = {"Motivation: ", "", "Method: ", "", "Result: ", "", "Conclusion: ",
        "", "Abstract: ", "", "</details>"};

    private final List<String> lines;
    private int at;

    private DigestShape(List<String> lines) {
        this.lines = lines;
    }

    static List<Section> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.endsWith("</details>\n") || text.endsWith("\n\n")) {
            throw new AssertionError(file + ": must end with exactly one newline after </details>");
        }
        List<String> lines = List.of(text.substring(0, text.length() - 1).split("\n", -1));
        try {
            return new DigestShape(lines).sections();
        } catch (AssertionError e) {
            throw new AssertionError(file + ": " + e.getMessage(), e);
        }
    }

    private List<Section> sections() {
        expect("<div id=toc></div>");
        expect("");
        expect("# Table of Contents");
        expect("");
        List<String[]> toc = new ArrayList<>();
        while (at < lines.size() && !lines.get(at).isEmpty()) {
            Matcher m = matches(TOC);
            if (!m.group(1).equals(m.group(2))) {
                fail("TOC anchor differs from its label");
            }
            toc.add(new String[] {m.group(1), m.group(3)});
            at++;
        }
        if (toc.isEmpty()) {
            fail("empty table of contents");
        }
        List<Section> sections = new ArrayList<>();
        int rank = 0;
        for (String[] item : toc) {
            String category = item[0];
            expect("");
            expect("");
            expect("<div id='" + category + "'></div>");
            expect("");
            expect("# " + category + " [[Back]](#toc)");
            expect("");
            List<Entry> entries = new ArrayList<>();
            do {
                if (!entries.isEmpty()) {
                    expect("");
                    expect("");
                }
                Entry e = entry(category);
                if (e.rank() != ++rank) {
                    fail("rank " + e.rank() + " where " + rank + " was due");
                }
                entries.add(e);
            } while (at + 2 < lines.size() && lines.get(at + 2).startsWith("### ["));
            int total = Integer.parseInt(item[1]);
            if (total != entries.size()) {
                fail(category + " announces " + total + " papers but lists " + entries.size());
            }
            sections.add(new Section(category, total, entries));
        }
        if (at != lines.size()) {
            fail("text after the last section");
        }
        return sections;
    }

    private Entry entry(String section) {
        Matcher heading = matches(HEADING);
        at++;
        String byline = lines.get(at);
        if (byline.length() < 3 || !byline.startsWith("*") || !byline.endsWith("*")) {
            fail("author line expected");
        }
        List<String> authors = List.of(byline.substring(1, byline.length() - 1).split(","));
        at++;
        expect("");
        String main = field("Main category: ");
        if (!main.equals(section)) {
            fail("main category " + main + " listed under " + section);
        }
        expect("");
        field("TL;DR: ");
        expect("");
        expect("");
        expect("<details>");
        expect("  <summary>Details</summary>");
        int abstractLines = 1;
        int listFields = 0;
        for (String line : DETAILS) {
            if (line.endsWith(": ")) {
                String first = field(line);
                // a list field goes on "2. ...", "3. ..." lines right after its "1. ..." line
                if (first.startsWith("1. ") && LIST_ITEM.matcher(current()).matches()) {
                    listFields++;
                    for (int item = 2; current().startsWith(item + ". "); item++) {
                        at++;
                    }
                }
            } else {
                expect(line);
            }
            if (line.equals("Abstract: ")) {
                // the real digests continue a paragraphed abstract on lines indented by two spaces
                while (current().startsWith("  ") && !current().isBlank()) {
                    abstractLines++;
                    at++;
                }
            }
        }
        return new Entry(Integer.parseInt(heading.group(1)), heading.group(2), heading.group(3), authors, main,
                abstractLines, listFields);
    }

    private String field(String label) {
        String line = current();
        if (!line.startsWith(label) || line.length() == label.length()) {
            fail("expected a non-empty '" + label.strip() + "' line");
        }
        at++;
        return line.substring(label.length());
    }

    private void expect(String line) {
        if (!current().equals(line)) {
            fail("expected '" + line + "'");
        }
        at++;
    }

    private Matcher matches(Pattern pattern) {
        Matcher m = pattern.matcher(current());
        if (!m.matches()) {
            fail("expected a line like " + pattern.pattern());
        }
        return m;
    }

    private String current() {
        if (at >= lines.size()) {
            fail("unexpected end of file");
        }
        return lines.get(at);
    }

    private void fail(String message) {
        String seen = at < lines.size() ? lines.get(at) : "<end>";
        throw new AssertionError("line " + (at + 1) + ": " + message + ", got: "
                + (seen.length() > 80 ? seen.substring(0, 80) + "…" : seen));
    }
}
