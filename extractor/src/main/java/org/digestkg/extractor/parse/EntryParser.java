package org.digestkg.extractor.parse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.digestkg.extractor.model.ArxivId;
import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Note;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Problem;
import org.digestkg.extractor.parse.Label.Extent;

/**
 * Turns one entry block into a {@link Paper}. Values are cut from the source lines as they are: only the
 * label, the quote marker of quoted lines and leading/trailing whitespace of a whole value are removed.
 *
 * <p>Besides the labels of the {@link Labels} table, a few layout rules of the forks:
 * <ul>
 * <li>a {@code > *translated title*} line under the heading, before the authors, is
 *     {@link Field#TRANSLATED_TITLE};</li>
 * <li>authors and labels on one line, {@code *A, B* | **Main category: cs.CL**};</li>
 * <li>a category value listing several categories ({@code Category: cs.CL, cs.AI}) gives the first as the main
 *     category and keeps the whole list as a note;</li>
 * <li>layout lines ({@code <details>}, {@code <div>}, {@code ---}) end a value and are no part of one; an entry
 *     that ends the file inside {@code <details>} is reported as truncated.</li>
 * </ul>
 */
final class EntryParser {

    private final Labels labels;
    private final String file;

    EntryParser(Labels labels, String file) {
        this.labels = labels;
        this.file = file;
    }

    Entry parse(EntryBlock block) {
        String headingLine = block.lines().get(0);
        if (headingLine.length() > EntryHeading.MAX_LENGTH) {
            return reject(block, "entry heading is " + headingLine.length() + " characters long, over the limit of "
                    + EntryHeading.MAX_LENGTH + ": '" + Lines.excerpt(headingLine) + "'");
        }
        Optional<EntryHeading> found = EntryHeading.parse(headingLine);
        if (found.isEmpty()) {
            return reject(block, "entry heading has no [title](link): '" + Lines.excerpt(headingLine) + "'");
        }
        EntryHeading heading = found.get();
        if (heading.title().isBlank()) {
            return reject(block, "entry has an empty title");
        }
        if (heading.link().isBlank()) {
            return reject(block, "entry has an empty link");
        }
        ArxivId id = PaperLinks.arxivId(heading.link()).orElse(null);
        Optional<String> doi = PaperLinks.doi(heading.link());
        if (id == null && doi.isEmpty() && !PaperLinks.isAbsolute(heading.link())) {
            return reject(block, "entry's link '" + Lines.excerpt(heading.link())
                    + "' is neither an arXiv id nor an absolute URL: the paper cannot be identified");
        }
        Body body = new Body(block);
        body.read();
        if (body.authors == null) {
            return reject(block, "entry has no author line (*A,B,...*)");
        }
        if (body.authors.isEmpty()) {
            return reject(block, "entry's author line names nobody");
        }
        if (body.mainCategory == null) {
            body.warn(block.line(), "entry has no 'Main category:' line; main category left empty");
        }
        if (id == null) {
            body.warn(block.line(), "link '" + Lines.excerpt(heading.link()) + "' is not an arXiv URL; paper has no"
                    + " arXiv id and is identified by its URL" + doi.map(d -> " (DOI " + d + ")").orElse(""));
        }
        Paper paper = new Paper(block.line(), heading.rank(), block.section(), heading.link(), id,
                heading.title(), body.authors, body.mainCategory, body.fields, body.notes, body.failed);
        return Entry.accepted(paper, body.warnings);
    }

    private Entry reject(EntryBlock block, String why) {
        return Entry.rejected(new Problem(file, block.line(), why));
    }

    /** A labelled value being collected, line by line. */
    private static final class OpenValue {
        final LabelMatch match;
        final int line;
        final List<String> lines = new ArrayList<>();

        OpenValue(LabelMatch match, int line) {
            this.match = match;
            this.line = line;
            lines.add(match.rest());
        }

        Extent extent() {
            return match.label().extent();
        }

        void add(String line) {
            lines.add(match.quoted() ? unquote(line) : line);
        }

        String value() {
            return String.join("\n", lines).strip();
        }
    }

    static String unquote(String line) {
        if (!line.startsWith(">")) {
            return line;
        }
        int i = 1;
        if (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(i);
    }

    /** The inner text of a translated title line {@code > *…*}, or null. */
    static String translatedTitle(String line) {
        if (!line.startsWith(">")) {
            return null;
        }
        String s = unquote(line).strip();
        if (s.length() < 3 || s.charAt(0) != '*' || s.charAt(1) == '*' || !s.endsWith("*") || s.endsWith("**")) {
            return null;
        }
        return s.substring(1, s.length() - 1);
    }

    /** The state of reading one entry's lines after its heading. */
    private final class Body {
        final EntryBlock block;
        List<String> authors;
        String mainCategory;
        final Map<Field, String> fields = new LinkedHashMap<>();
        final Set<Field> failed = EnumSet.noneOf(Field.class);
        final List<Note> notes = new ArrayList<>();
        final List<Problem> warnings = new ArrayList<>();
        int unrecognised;
        int firstUnrecognisedLine;
        String firstUnrecognised;
        boolean started;
        int details;
        int detailsLine;

        Body(EntryBlock block) {
            this.block = block;
        }

        void read() {
            List<String> lines = block.lines();
            OpenValue open = null;
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                int lineNo = block.lineOf(i);
                if (Lines.isStructure(line)) {
                    details(Lines.detailsBalance(line), lineNo);
                    close(open);
                    open = labels.matchSummary(line).map(m -> start(m, lineNo)).orElse(null);
                    continue;
                }
                Optional<LabelMatch> label = labels.match(line);
                if (open != null && open.extent() == Extent.UNTIL_STRUCTURE
                        && (label.isEmpty() || !label.get().interrupts())) {
                    open.add(line);
                    continue;
                }
                if (label.isPresent()) {
                    close(open);
                    open = start(label.get(), lineNo);
                } else if (open == null && !started && line.startsWith(">") && translatedTitle(line) != null) {
                    started = true;
                    fields.putIfAbsent(Field.TRANSLATED_TITLE, translatedTitle(line));
                } else if (open != null) {
                    open.add(line);
                } else if (!line.isBlank()) {
                    outsideValue(line, lineNo);
                }
            }
            close(open);
            if (details > 0 && block.atEndOfFile()) {
                warn(detailsLine, "the file ends inside the <details> opened here: the entry seems truncated");
            }
            if (unrecognised > 0) {
                warn(firstUnrecognisedLine, unrecognised + " line(s) of the entry not recognised and left out, first: '"
                        + Lines.excerpt(firstUnrecognised) + "'");
            }
        }

        private void details(int balance, int lineNo) {
            if (details == 0 && balance > 0) {
                detailsLine = lineNo;
            }
            details = Math.max(0, details + balance);
        }

        /** A value starts; a one-line value is complete at once. */
        private OpenValue start(LabelMatch m, int lineNo) {
            started = true;
            OpenValue value = new OpenValue(m, lineNo);
            if (m.label().extent() == Extent.LINE) {
                close(value);
                return null;
            }
            return value;
        }

        private void outsideValue(String line, int lineNo) {
            started = true;
            // "*A, B* | **Main category: cs.CL**" ends in '*' too: the bar is tried first
            if (authors == null && (authorsAndLabels(line, lineNo) || AuthorLine.matches(line))) {
                if (authors == null) {
                    authors = AuthorLine.names(line);
                }
                return;
            }
            if (unrecognised++ == 0) {
                firstUnrecognisedLine = lineNo;
                firstUnrecognised = line;
            }
        }

        /** {@code *A, B* | **Main category: cs.CL**}: the author line, then labels or a bare category code. */
        private boolean authorsAndLabels(String line, int lineNo) {
            if (!line.startsWith("*") || line.startsWith("**") || line.indexOf('|') < 0) {
                return false;
            }
            String[] parts = line.split("\\|", -1);
            if (!AuthorLine.matches(parts[0])) {
                return false;
            }
            List<LabelMatch> matches = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (int k = 1; k < parts.length; k++) {
                String part = parts[k].strip();
                Optional<LabelMatch> m = labels.match(part);
                if (m.isPresent()) {
                    matches.add(new LabelMatch(m.get().label(), m.get().printed(), m.get().rest(), false,
                            m.get().form()));
                } else if (Lines.isCategoryCode(part)) {
                    codes.add(part);
                } else {
                    return false;
                }
            }
            authors = AuthorLine.names(parts[0]);
            for (LabelMatch m : matches) {
                close(new OpenValue(m, lineNo));
            }
            for (String code : codes) {
                close(new OpenValue(new LabelMatch(Label.mainCategory(), "Main category", code, false), lineNo));
            }
            return true;
        }

        private void close(OpenValue open) {
            if (open == null) {
                return;
            }
            Label label = open.match.label();
            String printed = open.match.printed();
            String value = open.value();
            if (value.isEmpty()) {
                warn(open.line, printed + " is empty; recorded as absent");
                return;
            }
            switch (label.target()) {
                case MAIN_CATEGORY -> category(label, printed, value, open.line);
                case AUTHORS -> {
                    if (authors == null) {
                        authors = AuthorLine.matches(value) ? AuthorLine.names(value) : AuthorLine.split(value);
                    } else {
                        notes.add(new Note(label.name(), value));
                        warn(open.line, "second author list in the entry; kept as a note, the first one counts");
                    }
                }
                case FIELD -> {
                    if (isFailedSummary(value)) {
                        failed.add(label.field());
                        warn(open.line, printed + " is '" + value + "' (failed summary); recorded as absent");
                    } else if (fields.containsKey(label.field())) {
                        notes.add(new Note(label.name(), value));
                        warn(open.line, "second " + printed + " in the entry; kept as a note, the first one counts");
                    } else {
                        fields.put(label.field(), value);
                    }
                }
                case NOTE -> {
                    if (isFailedSummary(value)) {
                        warn(open.line, printed + " is '" + value + "' (failed summary); recorded as absent");
                    } else {
                        notes.add(new Note(label.name(), value));
                    }
                }
            }
        }

        /** "cs.CL" is the main category; "cs.CL, cs.AI" gives cs.CL and the list is kept as a note. */
        private void category(Label label, String printed, String value, int line) {
            boolean list = value.codePoints().anyMatch(c -> Character.isWhitespace(c) || ",;，、(（".indexOf(c) >= 0);
            String main = list ? Lines.firstCategoryCode(value).orElse(value) : value;
            if (mainCategory == null) {
                mainCategory = main;
                if (!main.equals(value)) {
                    notes.add(new Note(label.name(), value));
                }
            } else {
                notes.add(new Note(label.name(), value));
                warn(line, "second " + printed + " line; kept as a note, the first one counts");
            }
        }

        void warn(int line, String message) {
            warnings.add(new Problem(file, line, message));
        }
    }

    /** The generator writes "Error" (or "N/A") where its LLM call failed: that is no summary. */
    static boolean isFailedSummary(String value) {
        String v = value.strip();
        if (v.length() > 12) {
            return false;
        }
        v = v.replaceAll("^[*_`]+|[*_`]+$", "").strip().toLowerCase(Locale.ROOT);
        if (v.endsWith(".")) {
            v = v.substring(0, v.length() - 1);
        }
        return v.equals("error") || v.equals("n/a");
    }
}
