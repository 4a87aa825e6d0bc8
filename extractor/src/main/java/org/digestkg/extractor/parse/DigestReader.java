package org.digestkg.extractor.parse;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.digestkg.extractor.model.Problem;

/**
 * One pass over a digest's lines: splits them into entry blocks at entry and category headings, reads the
 * table of contents, and hands each entry to the sink as soon as its block ends. Only the current block is held,
 * and it is bounded: a block over {@value #MAX_ENTRY_CHARS} characters or {@value #MAX_ENTRY_LINES} lines, or
 * holding a line cut at the reader's line limit, is rejected without being parsed.
 *
 * <p>A digest is read twice: first {@link #survey} counts the labels of its entries to infer its template
 * ({@link TemplateSurvey}), silently; then {@link #read} parses each entry with that template and sends events.
 * Both passes split the lines alike. Entries start at {@code ### [} headings, or, in a digest that has none, at
 * every level-3 heading whose name does not recur ({@code ### Title}; a recurring {@code ### Abstract} is a label).
 *
 * <p>Warnings about single lines (invalid UTF-8, control characters) are sent as each line is read, at most
 * {@value #MAX_LINE_WARNINGS} of each kind per file, then one warning that counts the rest.
 */
final class DigestReader {

    static final int MAX_LINE_CHARS = 8 << 20;
    static final long MAX_ENTRY_CHARS = 16 << 20;
    static final int MAX_ENTRY_LINES = 500_000;
    static final int MAX_LINE_WARNINGS = 100;

    private final String file;
    private final LocalDate date;
    private final EntryParser entries;
    private final DigestSink sink;
    /** Set for the first pass: blocks go to it, and nothing is sent to the sink. */
    private final TemplateSurvey survey;
    private final DigestTemplate template;
    private final boolean titleHeadings;
    private final TableOfContents toc = new TableOfContents();
    private final LineWarnings invalidUtf8 = new LineWarnings(
            "line holds bytes that are not valid UTF-8 (invalid UTF-8); each was replaced by U+FFFD",
            "more line(s) hold invalid UTF-8");
    private final LineWarnings replacement = new LineWarnings(
            "line holds U+FFFD, the replacement character: the text was already broken where it was written",
            "more line(s) hold U+FFFD");
    private final LineWarnings control = new LineWarnings(null, "more line(s) hold control characters");

    private String section;
    private boolean sawEntry;
    private boolean sawText;
    private boolean checkedDate;

    private int blockLine;
    private String blockSection;
    private List<String> block;
    private long blockChars;
    private String blockTooBig;

    /** The second pass: parses each entry with {@code template} and sends what it finds to {@code sink}. */
    DigestReader(String file, LocalDate date, DigestTemplate template, boolean titleHeadings, DigestSink sink) {
        this.file = file;
        this.date = date;
        this.entries = new EntryParser(template, file, titleHeadings);
        this.sink = sink;
        this.survey = null;
        this.template = template;
        this.titleHeadings = titleHeadings;
    }

    private DigestReader(TemplateSurvey survey, boolean titleHeadings) {
        this.file = null;
        this.date = null;
        this.entries = null;
        this.sink = null;
        this.survey = survey;
        this.template = null;
        this.titleHeadings = titleHeadings;
    }

    /** The first pass: counts the labels of every entry, sending nothing anywhere. */
    static void survey(LineSource in, TemplateSurvey survey, boolean titleHeadings,
                       java.util.function.Consumer<LineReader.Line> each) throws IOException {
        DigestReader reader = new DigestReader(survey, titleHeadings);
        LineReader.Line l;
        while ((l = in.next()) != null) {
            each.accept(l);
            reader.line(l);
        }
        reader.endBlock(true);
    }

    private boolean isEntryHeading(String line) {
        if (!titleHeadings) {
            return Lines.isEntryHeading(line);
        }
        if (!Lines.isLevel3Heading(line)) {
            return false;
        }
        if (survey != null) {
            survey.heading(line);
            return true;
        }
        LabelShape.Line shape = LabelShape.of(line);
        return shape == null || !template.isHeadingLabel(shape.key());
    }

    void read(LineSource in) throws IOException {
        LineReader.Line l;
        int last = 0;
        while ((l = in.next()) != null) {
            last = l.number();
            check(l);
            line(l);
        }
        endBlock(true);
        toc.mismatches(file).forEach(sink::warning);
        invalidUtf8.finish();
        replacement.finish();
        control.finish();
        if (!sawEntry && sawText) {
            sink.warning(new Problem(file, 0, "no entries found: none of its " + last
                    + " line(s) starts with '### [' (not a digest?)"));
        }
    }

    private void check(LineReader.Line l) {
        if (l.invalidUtf8()) {
            invalidUtf8.add(l.number(), null);
        }
        if (l.replacementChar()) {
            replacement.add(l.number(), null);
        }
        if (l.controlChar() != 0) {
            control.add(l.number(), String.format("line holds the control character U+%04X; kept as written",
                    (int) l.controlChar()));
        }
    }

    private void line(LineReader.Line l) {
        String line = l.text();
        int lineNo = l.number();
        if (!sawText && !line.isBlank()) {
            sawText = true;
        }
        if (l.isCut()) {
            String why = l.length() + " characters long, over the limit of " + MAX_LINE_CHARS;
            if (block != null) {
                tooBig("line " + lineNo + " is " + why);
            } else if (survey == null) {
                sink.warning(new Problem(file, lineNo, "line is " + why + "; ignored"));
            }
            return;
        }
        if (isEntryHeading(line)) {
            endBlock(false);
            startBlock(line, lineNo);
            return;
        }
        Optional<Lines.SectionHeading> heading = Lines.sectionHeading(line);
        // inside an entry only a category heading ends it: a stray "# ..." line is more likely text than structure
        if (heading.isPresent() && (block == null || heading.get().isCategory())) {
            endBlock(false);
            section = heading.get().code();
            if (survey == null && !heading.get().isCategory() && !sawEntry) {
                checkDate(heading.get(), lineNo);
            }
            return;
        }
        if (block != null) {
            addToBlock(line);
            return;
        }
        if (survey != null) {
            return;
        }
        TableOfContents.claim(line, lineNo).ifPresent(claim -> {
            sink.claimedCount(claim.code(), claim.count());
            toc.add(claim, file).ifPresent(sink::warning);
        });
    }

    /** A leading {@code # 2026-02-04} that disagrees with the digest's date is worth a word. */
    private void checkDate(Lines.SectionHeading heading, int lineNo) {
        if (checkedDate || date == null) {
            return;
        }
        Lines.dateIn(heading).ifPresent(d -> {
            checkedDate = true;
            if (!d.equals(date.toString())) {
                sink.warning(new Problem(file, lineNo, "heading says " + d + " but the digest is dated " + date
                        + " (from its file name, or as given); " + date + " is used"));
            }
        });
    }

    private void startBlock(String heading, int lineNo) {
        sawEntry = true;
        block = new ArrayList<>();
        block.add(heading);
        blockLine = lineNo;
        blockSection = section;
        blockChars = heading.length();
        blockTooBig = null;
        if (survey == null) {
            toc.countEntry(section);
        }
    }

    private void addToBlock(String line) {
        if (blockTooBig != null) {
            return;
        }
        blockChars += line.length();
        if (blockChars > MAX_ENTRY_CHARS) {
            tooBig("entry is over " + MAX_ENTRY_CHARS + " characters long");
        } else if (block.size() >= MAX_ENTRY_LINES) {
            tooBig("entry is over " + MAX_ENTRY_LINES + " lines long");
        } else {
            block.add(line);
        }
    }

    /** The block will be rejected: its lines are dropped at once, and the rest of it skipped. */
    private void tooBig(String why) {
        if (blockTooBig == null) {
            blockTooBig = why;
            block = new ArrayList<>(List.of(block.get(0)));
        }
    }

    private void endBlock(boolean atEndOfFile) {
        if (block == null) {
            return;
        }
        if (blockTooBig != null) {
            block = null;
            if (survey == null) {
                sink.rejected(new Problem(file, blockLine, "entry left out: " + blockTooBig));
            }
            return;
        }
        EntryBlock entryBlock = new EntryBlock(blockLine, blockSection, block, atEndOfFile);
        block = null;
        if (survey != null) {
            try {
                survey.entry(entryBlock);
            } catch (RuntimeException | StackOverflowError e) {
                // an entry the survey cannot count is rejected by the second pass, with the reason
            }
            return;
        }
        Entry entry;
        try {
            entry = entries.parse(entryBlock);
        } catch (RuntimeException | StackOverflowError e) {
            // one broken entry must not sink the digest; the sink's own exceptions are not caught here
            String why = e.toString();
            entry = Entry.rejected(new Problem(file, entryBlock.line(), "entry could not be read: "
                    + (why.length() > 300 ? why.substring(0, 297) + "..." : why)));
        }
        if (entry.isRejected()) {
            sink.rejected(entry.rejection());
        } else {
            sink.paper(entry.paper());
            entry.warnings().forEach(sink::warning);
        }
    }

    /** One kind of line warning, sent at most {@link #MAX_LINE_WARNINGS} times, then counted. */
    private final class LineWarnings {
        private final String message;
        private final String more;
        private int count;
        private int firstUnsent;

        LineWarnings(String message, String more) {
            this.message = message;
            this.more = more;
        }

        void add(int line, String specific) {
            count++;
            if (count <= MAX_LINE_WARNINGS) {
                sink.warning(new Problem(file, line, specific != null ? specific : message));
            } else if (firstUnsent == 0) {
                firstUnsent = line;
            }
        }

        void finish() {
            if (count > MAX_LINE_WARNINGS) {
                sink.warning(new Problem(file, firstUnsent, (count - MAX_LINE_WARNINGS) + " " + more
                        + " from this line on; only the first " + MAX_LINE_WARNINGS + " were reported"));
            }
        }
    }
}
