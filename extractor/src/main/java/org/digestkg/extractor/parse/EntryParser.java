package org.digestkg.extractor.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import org.digestkg.extractor.model.ArxivId;
import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Note;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Problem;
import org.digestkg.extractor.parse.Label.Extent;

/**
 * Turns one entry block into a {@link Paper}. Values are cut from the source lines as they are: only the
 * label, the quote marker of quoted lines and leading/trailing whitespace of a whole value are removed.
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
        ArxivId id = ArxivId.fromUrl(heading.link()).orElse(null);
        if (id == null) {
            body.warn(block.line(), "link '" + heading.link() + "' is not an arXiv URL; paper has no arXiv id");
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

        void add(String line) {
            lines.add(match.quoted() ? unquote(line) : line);
        }

        String value() {
            return String.join("\n", lines).strip();
        }

        private static String unquote(String line) {
            if (!line.startsWith(">")) {
                return line;
            }
            int i = 1;
            if (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            return line.substring(i);
        }
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

        Body(EntryBlock block) {
            this.block = block;
        }

        void read() {
            List<String> lines = block.lines();
            OpenValue open = null;
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (Lines.isStructure(line)) {
                    close(open);
                    open = null;
                    continue;
                }
                if (open != null && open.match.label().extent() == Extent.UNTIL_STRUCTURE) {
                    open.add(line);
                    continue;
                }
                Optional<LabelMatch> label = labels.match(line);
                if (label.isPresent()) {
                    close(open);
                    open = new OpenValue(label.get(), block.lineOf(i));
                    if (label.get().label().extent() == Extent.LINE) {
                        close(open);
                        open = null;
                    }
                } else if (open != null) {
                    open.add(line);
                } else if (!line.isBlank()) {
                    outsideValue(line, block.lineOf(i));
                }
            }
            close(open);
            if (unrecognised > 0) {
                warn(firstUnrecognisedLine, unrecognised + " line(s) of the entry not recognised and left out, first: '"
                        + Lines.excerpt(firstUnrecognised) + "'");
            }
        }

        private void outsideValue(String line, int lineNo) {
            if (authors == null && AuthorLine.matches(line)) {
                authors = AuthorLine.names(line);
                return;
            }
            if (unrecognised++ == 0) {
                firstUnrecognisedLine = lineNo;
                firstUnrecognised = line;
            }
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
                case MAIN_CATEGORY -> {
                    if (mainCategory == null) {
                        mainCategory = value;
                    } else {
                        notes.add(new Note(label.name(), value));
                        warn(open.line, "second " + printed + " line; kept as a note, the first one counts");
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
                case NOTE -> notes.add(new Note(label.name(), value));
            }
        }

        void warn(int line, String message) {
            warnings.add(new Problem(file, line, message));
        }
    }

    /** The generator writes "Error" (or "N/A") where its LLM call failed: that is no summary. */
    static boolean isFailedSummary(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("error") || v.equals("n/a");
    }
}
