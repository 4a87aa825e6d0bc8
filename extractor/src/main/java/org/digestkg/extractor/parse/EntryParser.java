package org.digestkg.extractor.parse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestkg.extractor.model.ArxivId;
import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Note;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Placeholders;
import org.digestkg.extractor.model.Problem;
import org.digestkg.extractor.parse.Label.Extent;
import org.digestkg.extractor.parse.Label.Target;

/**
 * Turns one entry block into a {@link Paper}, with the digest's template ({@link DigestTemplate}). Values are cut
 * from the source lines as they are: only the label, the quote marker of quoted lines and leading/trailing
 * whitespace of a whole value are removed.
 *
 * <p>What a line is, in this order:
 * <ul>
 * <li>a layout line ({@code <details>}, {@code <div>}, {@code ---}) ends a value and is no part of one; a
 *     {@code <summary>Name</summary>} naming a field starts it;</li>
 * <li>until the authors are found, the author line, by its shape: a whole line in single emphasis
 *     ({@code *A, B*}), possibly with other fields beside it ({@code *A, B* | **Main category: cs.CL**}); lines
 *     between the heading and the authors (a translated title, affiliations) are fields like any other;</li>
 * <li>a label-shaped line ({@link LabelShape}) that the template has as a field starts that field, unless the field
 *     was already read in this entry (then it is text: an abstract quoting "Method:"); in a digest read with the
 *     label table alone, a plain label inside an abstract does not end it unless it interrupts
 *     ({@link Label#interrupts()});</li>
 * <li>any other line continues the open value; outside every value, it is unlabelled text, a field when the
 *     template has one there, else left out with a warning.</li>
 * </ul>
 * A value runs to the next field, layout line or author line; a one-line target (category, authors, title, link,
 * code) only to the end of its line; a list item's to the end of the item.
 */
final class EntryParser {

    private static final Pattern URL = Pattern.compile("https?://[^\\s)\\]>\"'`]+");
    private static final Pattern ARXIV_URL = Pattern.compile(
            "https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf|html)/[^\\s)\\]>\"'`]+");

    private final DigestTemplate template;
    private final String file;
    private final boolean titleHeadings;

    EntryParser(DigestTemplate template, String file, boolean titleHeadings) {
        this.template = template;
        this.file = file;
        this.titleHeadings = titleHeadings;
    }

    Entry parse(EntryBlock block) {
        String headingLine = block.lines().get(0);
        if (headingLine.length() > EntryHeading.MAX_LENGTH) {
            return reject(block, "entry heading is " + headingLine.length() + " characters long, over the limit of "
                    + EntryHeading.MAX_LENGTH + ": '" + Lines.excerpt(headingLine) + "'");
        }
        Optional<EntryHeading> found = titleHeadings ? EntryHeading.titleOnly(headingLine) : EntryHeading.parse(headingLine);
        if (found.isEmpty()) {
            return reject(block, "entry heading has no [title](link): '" + Lines.excerpt(headingLine) + "'");
        }
        EntryHeading heading = found.get();
        Body body = new Body(block);
        body.read();
        String title = Entities.decode(heading.title());
        String link = heading.link();
        if (titleHeadings) {
            if (body.title != null && !body.title.equals(title)) {
                body.fields.putIfAbsent(Field.TRANSLATED_TITLE, title);
                title = body.title;
            }
            link = body.link != null ? body.link : body.firstArxivUrl;
            if (link == null) {
                return reject(block, "entry has no link to the paper (no [title](link) heading, no link below it)");
            }
        } else if (body.title != null && !body.title.equals(title)) {
            body.notes.add(new Note(body.titleLabel, body.title));
        }
        if (title.isBlank()) {
            return reject(block, "entry has an empty title");
        }
        if (link.isBlank()) {
            return reject(block, "entry has an empty link");
        }
        ArxivId id = PaperLinks.arxivId(link).orElse(null);
        Optional<String> doi = PaperLinks.doi(link);
        if (id == null && doi.isEmpty() && !PaperLinks.isAbsolute(link)) {
            return reject(block, "entry's link '" + Lines.excerpt(link)
                    + "' is neither an arXiv id nor an absolute URL: the paper cannot be identified");
        }
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
            body.warn(block.line(), "link '" + Lines.excerpt(link) + "' is not an arXiv URL; paper has no"
                    + " arXiv id and is identified by its URL" + doi.map(d -> " (DOI " + d + ")").orElse(""));
        }
        Paper paper = new Paper(block.line(), heading.rank(), block.section(), link, id, title, body.authors,
                body.mainCategory, body.fields, body.notes, body.failed, body.categories, body.code, List.of());
        return Entry.accepted(paper, body.warnings);
    }

    private Entry reject(EntryBlock block, String why) {
        return Entry.rejected(new Problem(file, block.line(), why));
    }

    /** A markdown list item: {@code - …}, {@code * …}, {@code + …} at the start of the line. */
    static boolean isListItem(String line) {
        return line.length() > 1 && (line.charAt(0) == '-' || line.charAt(0) == '*' || line.charAt(0) == '+')
                && line.charAt(1) == ' ';
    }

    /** A labelled value being collected, line by line. */
    private static final class OpenValue {
        final Label label;
        final String printed;
        final LabelMatch.Form form;
        final boolean quoted;
        final boolean bullet;
        final int line;
        final List<String> lines = new ArrayList<>();
        /** The key of the label, or null for unlabelled text. */
        String key;

        OpenValue(Label label, String printed, String rest, LabelMatch.Form form, boolean quoted, boolean bullet, int line) {
            this.label = label;
            this.printed = printed;
            this.form = form;
            this.quoted = quoted;
            this.bullet = bullet;
            this.line = line;
            lines.add(rest);
        }

        void add(String line) {
            lines.add(quoted ? unquote(line) : line);
        }

        String value() {
            return Entities.decode(String.join("\n", lines).strip());
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
        String title;
        String titleLabel;
        String link;
        String firstArxivUrl;
        final List<String> categories = new ArrayList<>();
        final List<String> code = new ArrayList<>();
        final Map<Field, String> fields = new LinkedHashMap<>();
        final Set<Field> failed = EnumSet.noneOf(Field.class);
        final List<Note> notes = new ArrayList<>();
        final List<Problem> warnings = new ArrayList<>();
        /** Fields of an inferred template read so far: each occurs once per entry, a second is text. */
        final Set<String> seen = new HashSet<>();
        int unrecognised;
        int firstUnrecognisedLine;
        String firstUnrecognised;
        boolean started;
        int details;
        int detailsLine;
        String after = TemplateSurvey.AFTER_HEADING;

        Body(EntryBlock block) {
            this.block = block;
        }

        void read() {
            List<String> lines = block.lines();
            OpenValue open = null;
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                int lineNo = block.lineOf(i);
                if (titleHeadings && firstArxivUrl == null && line.contains("arxiv.org/")) {
                    Matcher m = ARXIV_URL.matcher(line);
                    if (m.find()) {
                        firstArxivUrl = m.group();
                    }
                }
                if (open != null && open.bullet && line.isBlank()) {
                    close(open);
                    open = null;
                }
                if (open != null && open.bullet && !isListItem(line) && !Lines.isStructure(line)) {
                    open.add(line); // a list item's lazy continuation line, whatever it looks like
                    continue;
                }
                if (Lines.isStructure(line)) {
                    details(Lines.detailsBalance(line), lineNo);
                    close(open);
                    open = null;
                    LabelShape.Line summary = LabelShape.summary(line);
                    Label label = summary == null ? null : fieldOf(summary);
                    if (label != null) {
                        open = start(label, summary, lineNo);
                    }
                    continue;
                }
                List<Segments.Part> parts = line.indexOf('|') >= 0 ? Segments.split(line) : null;
                if (authors == null && (AuthorLine.matches(line) || hasAuthors(parts))) {
                    close(open);
                    open = null;
                    started = true;
                    after = TemplateSurvey.AFTER_AUTHORS;
                    if (parts != null && hasAuthors(parts)) {
                        parts(parts, lineNo);
                    } else {
                        authors = AuthorLine.names(line);
                    }
                    continue;
                }
                if (open == null && !started && line.startsWith(">") && translatedTitle(line) != null) {
                    started = true;
                    fields.putIfAbsent(Field.TRANSLATED_TITLE, translatedTitle(line));
                    continue;
                }
                if (parts != null && allFields(parts) && (open == null || interrupts(open, parts.get(0)))) {
                    close(open);
                    open = null;
                    parts(parts, lineNo);
                    continue;
                }
                LabelShape.Line shape = line.isEmpty() ? null : LabelShape.of(line);
                Label label = shape == null ? null : template.field(shape);
                // a field of an inferred template occurs once per entry: read again, it is text ("Method:" in an abstract)
                boolean again = label != null && template.inferred() && seen.contains(shape.key());
                if (again) {
                    label = null;
                }
                if (label != null && open != null && !startsHere(label, shape, open)) {
                    label = null;
                }
                if (label != null && open != null && !template.recurring(shape) && !template.labelsFieldsAs(shape.form())) {
                    label = null; // inside a value, a label printed unlike the template's own is the value's text
                }
                if (label != null && open == null && !template.recurring(shape) && template.unlabelled(after) != null) {
                    label = null; // where the template prints unlabelled text, a label-like line that does not recur is that text
                }
                if (again && open == null) {
                    // outside any value, it is a second value of the field, kept as a note
                    warn(lineNo, "second " + shape.printed() + " in the entry; kept as a note, the first one counts");
                    label = Label.note(shape.printed(), Extent.UNTIL_NEXT_LABEL);
                }
                if (label != null) {
                    close(open);
                    open = start(label, shape, lineNo);
                } else if (open != null) {
                    open.add(line);
                } else if (!line.isBlank()) {
                    Label unlabelled = template.unlabelled(after);
                    if (unlabelled != null) {
                        started = true;
                        open = new OpenValue(unlabelled, unlabelled.name(), line, LabelMatch.Form.PLAIN, false, false, lineNo);
                    } else {
                        outsideValue(line, lineNo);
                    }
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

        /** The field a label-shaped line starts in this entry: a template field not read yet in it. */
        private Label fieldOf(LabelShape.Line shape) {
            Label label = template.field(shape);
            if (label != null && template.inferred() && seen.contains(shape.key())) {
                return null;
            }
            return label;
        }

        /**
         * Whether a field line ends the open value, or is text of it: an abstract runs past plain labels that do not
         * interrupt it ("Results:" heads paragraphs of structured abstracts); a template's own fields always do.
         */
        private boolean startsHere(Label label, LabelShape.Line shape, OpenValue open) {
            return open.label.extent() != Extent.UNTIL_STRUCTURE || new LabelMatch(label, shape).interrupts();
        }

        private boolean interrupts(OpenValue open, Segments.Part first) {
            return open.label.extent() != Extent.UNTIL_STRUCTURE || first.kind() != Segments.Kind.LABEL
                    || startsHere(fieldOf(first.label()), first.label(), open);
        }

        private boolean hasAuthors(List<Segments.Part> parts) {
            return parts != null && parts.stream().anyMatch(p -> p.kind() == Segments.Kind.AUTHORS);
        }

        /** Every labelled part of a line of several fields is a field of the template. */
        private boolean allFields(List<Segments.Part> parts) {
            for (Segments.Part p : parts) {
                if (p.kind() == Segments.Kind.LABEL && fieldOf(p.label()) == null) {
                    return false;
                }
                if (p.kind() == Segments.Kind.AUTHORS && authors != null) {
                    return false;
                }
            }
            return true;
        }

        /** Reads a line of several fields, part by part. */
        private void parts(List<Segments.Part> parts, int lineNo) {
            started = true;
            for (Segments.Part p : parts) {
                switch (p.kind()) {
                    case AUTHORS -> {
                        if (authors == null) {
                            authors = AuthorLine.names(p.text());
                        }
                    }
                    case LABEL -> {
                        Label label = fieldOf(p.label());
                        if (label != null) {
                            close(start(label, p.label(), lineNo));
                        }
                    }
                    case CODES -> close(new OpenValue(Label.mainCategory(), "Main category", p.text(),
                            LabelMatch.Form.PLAIN, false, false, lineNo));
                    case LINK -> {
                        String url = Segments.linkUrl(p.text());
                        if (!sameArxivPaper(url)) {
                            notes.add(new Note(Segments.linkText(p.text()), url));
                        }
                    }
                    case VALUE -> notes.add(new Note(null, LabelShape.unbold(p.text())));
                }
            }
        }

        /** Whether a link points at the entry's own arXiv paper (its PDF, say): nothing to keep. */
        private boolean sameArxivPaper(String url) {
            String heading = block.lines().get(0);
            return PaperLinks.arxivId(url).map(id -> heading.contains(id.id())).orElse(false);
        }

        private void details(int balance, int lineNo) {
            if (details == 0 && balance > 0) {
                detailsLine = lineNo;
            }
            details = Math.max(0, details + balance);
        }

        /** A value starts; a one-line value is complete at once. */
        private OpenValue start(Label label, LabelShape.Line shape, int lineNo) {
            started = true;
            seen.add(shape.key());
            after = shape.key();
            OpenValue value = new OpenValue(label, shape.printed(), shape.rest(), shape.form(), shape.quoted(),
                    shape.bullet(), lineNo);
            value.key = shape.key();
            if (label.extent() == Extent.LINE || shape.form() == LabelMatch.Form.TABLE) {
                close(value);
                return null;
            }
            return value;
        }

        private void outsideValue(String line, int lineNo) {
            started = true;
            if (unrecognised++ == 0) {
                firstUnrecognisedLine = lineNo;
                firstUnrecognised = line;
            }
        }

        private void close(OpenValue open) {
            if (open == null) {
                return;
            }
            Label label = open.label;
            String printed = open.printed;
            String value = open.value();
            if (value.isEmpty()) {
                // a heading over other fields ("#### 📘 Detailed Summary", "<summary>Details</summary>") has no text
                if (open.form != LabelMatch.Form.HEADING) {
                    warn(open.line, printed + " is empty; recorded as absent");
                }
                return;
            }
            if ((label.target() == Target.FIELD || label.target() == Target.NOTE) && Segments.isLink(value)
                    && sameArxivPaper(Segments.linkUrl(value))) {
                // "**Abstract**: [arXiv](…/abs/<this paper>)": a link to the paper, not its text
                seen.remove(open.key);
                return;
            }
            String noteLabel = label.name().isEmpty() ? null : template.inferred() ? printed : label.name();
            if (open.key != null && template.tagged(open.key)) {
                int tags = TemplateSurvey.tagPrefix(value);
                if (tags > 0) {
                    notes.add(new Note(printed + " tags", value.substring(0, tags).strip()));
                    value = value.substring(tags).strip();
                }
            }
            switch (label.target()) {
                case MAIN_CATEGORY -> category(label, printed, value, open.line);
                case CATEGORIES -> categories(noteLabel, value);
                case AUTHORS -> {
                    if (authors == null) {
                        authors = AuthorLine.matches(value) ? AuthorLine.names(value) : AuthorLine.split(value);
                    } else {
                        notes.add(new Note(noteLabel, value));
                        warn(open.line, "second author list in the entry; kept as a note, the first one counts");
                    }
                }
                case TITLE -> {
                    if (title == null) {
                        title = value;
                        titleLabel = printed;
                    }
                }
                case LINK -> {
                    Matcher m = URL.matcher(value);
                    if (link == null && m.find()) {
                        link = m.group();
                    } else if (link == null) {
                        link = value;
                    }
                }
                case CODE -> {
                    Matcher m = URL.matcher(value);
                    boolean any = false;
                    while (m.find()) {
                        code.add(m.group());
                        any = true;
                    }
                    if (!any && !Placeholders.isFailure(value)) {
                        notes.add(new Note(noteLabel, value));
                    }
                }
                case FIELD -> field(label.field(), printed, noteLabel, value, open.line);
                case NOTE -> {
                    if (Placeholders.isFailure(value)) {
                        warn(open.line, printed + " is '" + value + "' (failed summary); recorded as absent");
                    } else {
                        notes.add(new Note(noteLabel, value));
                    }
                }
            }
        }

        private void field(Field field, String printed, String noteLabel, String value, int line) {
            if (Placeholders.isFailure(value)) {
                failed.add(field);
                warn(line, printed + " is '" + Lines.excerpt(value) + "' (failed summary); recorded as absent");
                return;
            }
            // arXiv abstracts are English: a non-English text under an abstract's label is its translation
            if (field == Field.ABSTRACT && !fields.containsKey(Field.ABSTRACT_TRANSLATION)
                    && isTranslation(value)) {
                field = Field.ABSTRACT_TRANSLATION;
            }
            if (fields.containsKey(field)) {
                notes.add(new Note(noteLabel, value));
                warn(line, "second " + printed + " in the entry; kept as a note, the first one counts");
            } else {
                fields.put(field, value);
            }
        }

        /** "cs.CL" is the main category; "cs.CL, cs.AI" gives cs.CL, and both as the paper's categories. */
        private void category(Label label, String printed, String value, int line) {
            String v = value.replace("`", "").strip();
            boolean list = v.codePoints().anyMatch(c -> Character.isWhitespace(c) || ",;，、(（".indexOf(c) >= 0);
            List<String> codes = list ? Lines.categoryCodes(v) : List.of();
            String main = codes.isEmpty() ? v : codes.get(0);
            if (mainCategory == null) {
                mainCategory = main;
                if (codes.size() > 1 && categories.isEmpty()) {
                    categories.addAll(codes);
                } else if (list && codes.isEmpty()) {
                    notes.add(new Note(template.inferred() ? printed : label.name(), value));
                } else if (list && codes.size() == 1 && !v.equals(main)) {
                    notes.add(new Note(template.inferred() ? printed : label.name(), value));
                }
            } else {
                notes.add(new Note(template.inferred() ? printed : label.name(), value));
                warn(line, "second " + printed + " line; kept as a note, the first one counts");
            }
        }

        private void categories(String noteLabel, String value) {
            List<String> codes = Lines.categoryCodes(value.replace("`", ""));
            if (codes.isEmpty()) {
                notes.add(new Note(noteLabel, value));
                return;
            }
            if (categories.isEmpty()) {
                categories.addAll(codes);
            }
            if (mainCategory == null) {
                mainCategory = codes.get(0);
            }
        }

        void warn(int line, String message) {
            warnings.add(new Problem(file, line, message));
        }
    }

    /**
     * Text mostly in Chinese, Japanese or Korean script under an abstract's label is a translation: arXiv abstracts
     * are written in Latin script (a few in French or German, which stay abstracts), and an English abstract quoting
     * a few Chinese words stays one.
     */
    static boolean isTranslation(String value) {
        int cjk = 0;
        int latin = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0xC0 && c <= 0x24F) {
                latin++;
            } else if (c >= 0x3040 && c <= 0x30FF || c >= 0x3400 && c <= 0x9FFF || c >= 0xAC00 && c <= 0xD7AF
                    || c >= 0xF900 && c <= 0xFAFF) {
                cjk++; // kana, CJK ideographs, Hangul syllables
            }
        }
        return cjk > latin;
    }

}
