package org.digestkg.extractor.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestkg.extractor.model.ArxivId;
import org.digestkg.extractor.jsonl.GeneratorRecord;
import org.digestkg.extractor.jsonl.JsonlReader;
import org.digestkg.extractor.jsonl.RecordPapers;
import org.digestkg.extractor.model.AuthorAliases;
import org.digestkg.extractor.model.Digest;
import org.digestkg.extractor.model.Problem;
import org.digestkg.extractor.model.Paper;

/**
 * Reads one daily digest file and streams what it finds to a {@link DigestSink}, in the manner of Jena's
 * {@code RDFParser}:
 * <pre>{@code
 * DigestParser.create().source(path).date(day).build().parse(sink);
 * DigestParser.parse(path, sink);   // date from the file name
 * }</pre>
 * Events: {@code start}, {@code template}, then {@code claimedCount}, {@code paper}, {@code warning},
 * {@code rejected} in file order, then {@code finish}. {@code finish} is called only when the whole file was read; if the file cannot
 * be read a {@link DigestException} is thrown instead. Bad entries are rejected one by one and never stop the
 * digest.
 *
 * <p>One reader serves the generator's template and every fork's: it infers each digest's template from the
 * digest's own entries ({@link TemplateSurvey}, {@link DigestTemplate}: label-shaped lines that recur across the
 * entries are the fields, the synonym table {@link Labels} says what they map to, a field it does not know is a
 * note), so the file is read twice — its lines kept in memory between the passes when they fit. A digest of one or
 * two entries is read with the label table alone.
 *
 * <p>A markdown digest is read with the generator's JSONL beside it ({@link DigestSources#companions}): each paper is
 * checked against its record and given what only the record holds ({@link CompanionCheck}), and the digest's hash
 * covers both files. A JSONL file with no markdown is read as the day's digest ({@link JsonlDigest}). Author
 * identities follow {@value org.digestkg.extractor.model.AuthorAliases#FILE_NAME} in the digest's folder, if there
 * is one.
 *
 * <p>Bad input, each reported with the file and line ({@link org.digestkg.extractor.model.Problem}):
 * <table>
 * <caption>What happens to bad input</caption>
 * <tr><th>input</th><th>outcome</th></tr>
 * <tr><td>missing or unreadable file; no date</td><td>{@link DigestException}, no event</td></tr>
 * <tr><td>binary data: a NUL byte, a UTF-16 byte-order mark, or a first 64 KiB that is mostly control
 *     characters or not UTF-8 ({@link FileCheck})</td><td>{@link DigestException} "not a text file", no event</td></tr>
 * <tr><td>empty or blank file</td><td>an empty digest: {@code start}, {@code template}, {@code finish}, no warning (a day
 *     without papers is a digest too)</td></tr>
 * <tr><td>text without any entry heading (not a digest)</td><td>an empty digest and the warning
 *     "no entries found" (line 0)</td></tr>
 * <tr><td>bytes that are not UTF-8 in a text file</td><td>replaced by U+FFFD; warning "invalid UTF-8" at each
 *     such line (the first 100, then a count)</td></tr>
 * <tr><td>byte-order mark; CRLF or lone CR line ends</td><td>read as usual, no warning</td></tr>
 * <tr><td>a line over {@value DigestReader#MAX_LINE_CHARS} characters</td><td>its entry rejected (outside an
 *     entry: warning, line ignored); memory per line stays bounded</td></tr>
 * <tr><td>an entry over {@value DigestReader#MAX_ENTRY_CHARS} characters or {@value DigestReader#MAX_ENTRY_LINES}
 *     lines</td><td>rejected, its lines dropped as they are read</td></tr>
 * <tr><td>an entry with no title, no link or no authors; a heading over {@value EntryHeading#MAX_LENGTH}
 *     characters</td><td>rejected</td></tr>
 * <tr><td>a file truncated mid-entry</td><td>the last entry kept if it has title, link and authors, with a
 *     warning if it ends inside {@code <details>}; else rejected</td></tr>
 * <tr><td>deeply nested HTML</td><td>never parsed as HTML: layout lines are skipped, other text kept as
 *     written</td></tr>
 * </table>
 * Nothing here recurses on the input or runs a pattern over a huge line, so no input overflows the stack or
 * takes more than linear time; flexmark sees only an entry's heading line.
 */
public final class DigestParser {

    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");

    private final Path file;
    private final LocalDate date;
    private final String sourceName;
    /** A dialect given to the builder, or null for the standard labels ({@link #labels()}). */
    private final Labels labels;
    /** The JSONL files read with a markdown digest (empty for a JSONL digest, or a markdown one without). */
    private final List<Path> companions;
    /** Given aliases, or null to look for the alias file beside the digest. */
    private final AuthorAliases aliases;

    private DigestParser(Path file, LocalDate date, String sourceName, Labels labels, List<Path> companions,
                         AuthorAliases aliases) {
        this.file = file;
        this.date = date;
        this.sourceName = sourceName;
        this.labels = labels;
        this.companions = List.copyOf(companions);
        this.aliases = aliases;
    }

    public static Builder create() {
        return new Builder();
    }

    /** Parses {@code file}, dated by its name. */
    public static void parse(Path file, DigestSink sink) {
        create().source(file).build().parse(sink);
    }

    /** The first valid {@code YYYY-MM-DD} in the file's name ({@code 2026-02-04.md}, {@code digest-2026-02-04.md}). */
    public static Optional<LocalDate> dateFromFileName(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        Matcher m = DATE.matcher(name.toString());
        while (m.find()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            } catch (DateTimeException notADay) {
                // e.g. 2026-13-45: look for a later one
            }
        }
        return Optional.empty();
    }

    /**
     * Reads the file and streams what it finds to {@code sink}.
     *
     * @throws DigestException when the file cannot be read or is not a text file; nothing is sent to the sink (a
     *                         read error after the first pass, e.g. the file vanishing, leaves {@code finish} unsent)
     */
    public void parse(DigestSink sink) {
        Objects.requireNonNull(sink, "sink");
        AuthorAliases aliases = aliases();
        DigestSink aliased = aliases.isEmpty() ? sink : new Aliasing(sink, aliases);
        if (DigestSources.isJsonl(file)) {
            Jsonl jsonl = readJsonl(file, sourceName);
            List<Problem> problems = new ArrayList<>(aliases.problems());
            problems.addAll(jsonl.problems);
            JsonlDigest.read(new Digest(date, sourceName, jsonl.sha256), jsonl.records, problems, aliased);
            return;
        }
        FirstPass first = firstPass();
        DigestSink to = aliased;
        List<Problem> companionProblems = new ArrayList<>(aliases.problems());
        if (!companions.isEmpty()) {
            Map<String, List<GeneratorRecord>> records = new LinkedHashMap<>();
            for (Path c : companions) {
                Jsonl jsonl = readJsonl(c, companionName(c));
                records.put(companionName(c), jsonl.records);
                companionProblems.addAll(jsonl.problems);
                hashAlso(first.check, c);
            }
            to = new CompanionCheck(aliased, sourceName, records);
        }
        to.start(new Digest(date, sourceName, first.check.sha256()));
        to.template(first.template.description());
        companionProblems.forEach(to::warning);
        try (InputStream in = first.lines == null ? Files.newInputStream(file) : null) {
            LineSource lines = first.lines != null ? LineReader.replay(first.lines)
                    : new LineReader(in, DigestReader.MAX_LINE_CHARS);
            new DigestReader(sourceName, date, first.template, first.titleHeadings, to).read(lines);
        } catch (IOException e) {
            throw unreadable(e);
        }
        to.finish();
    }

    /** Sets each paper's author identities from the alias file. */
    private static final class Aliasing extends ForwardingSink {
        private final AuthorAliases aliases;

        Aliasing(DigestSink next, AuthorAliases aliases) {
            super(next);
            this.aliases = aliases;
        }

        @Override
        public void paper(Paper paper) {
            next.paper(paper.withIdentities(paper.authors().stream().map(aliases::identity).toList()));
        }
    }

    /** The aliases given, or those of {@value AuthorAliases#FILE_NAME} in the digest's folder. */
    private AuthorAliases aliases() {
        if (aliases != null) {
            return aliases;
        }
        Path dir = file.toAbsolutePath().getParent();
        Path aliasFile = dir == null ? null : dir.resolve(AuthorAliases.FILE_NAME);
        if (aliasFile == null || !Files.isRegularFile(aliasFile)) {
            return AuthorAliases.NONE;
        }
        try {
            return AuthorAliases.read(aliasFile, companionName(aliasFile));
        } catch (IOException e) {
            throw new DigestException("cannot read the alias file " + companionName(aliasFile) + ": " + e, e);
        }
    }

    /** The JSONL files read with this markdown digest: the checked sources of its categories and comments. */
    public List<Path> companions() {
        return companions;
    }

    /** A JSONL file read whole: its records, the lines that were none, and its bytes' hash. */
    private record Jsonl(List<GeneratorRecord> records, List<Problem> problems, String sha256) {
    }

    private Jsonl readJsonl(Path jsonl, String name) {
        FileCheck check = checkedText(jsonl, name.equals(sourceName) ? "digest " + name : "JSONL " + name);
        List<Problem> problems = new ArrayList<>();
        try {
            return new Jsonl(JsonlReader.read(jsonl, name, problems::add), problems, check.sha256());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** The digest's hash covers its JSONL too: a changed JSONL is a changed digest. */
    private void hashAlso(FileCheck check, Path companion) {
        try (InputStream in = Files.newInputStream(companion)) {
            check.hashAlso(in);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** A JSONL file as messages name it: beside the markdown as the user named that. */
    private String companionName(Path companion) {
        try {
            Path named = Path.of(sourceName);
            return named.resolveSibling(companion.getFileName()).toString();
        } catch (java.nio.file.InvalidPathException e) {
            return companion.getFileName().toString();
        }
    }

    /**
     * What the first read of the file gives: its check (hash, whether it is text, how entries are headed), its
     * template, and its lines when they fit the memory set aside for them, so the second pass need not decode the
     * file again.
     */
    private record FirstPass(FileCheck check, DigestTemplate template, boolean titleHeadings,
                             List<LineReader.Line> lines) {
    }

    /** Characters of lines kept between the passes; a larger digest is read from the file again. */
    private static long lineBudget() {
        return Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 16);
    }

    /** The label table, built only when entries are read: the standard one unless a dialect was given. */
    private Labels labels() {
        return labels != null ? labels : Labels.standard();
    }

    /**
     * Reads the file once: checks and hashes its bytes ({@link FileCheck}), and counts the labels of its entries
     * ({@link TemplateSurvey}). A file that is not text is refused before anything is sent to a sink.
     */
    private FirstPass firstPass() {
        FileCheck check = FileCheck.create();
        TemplateSurvey survey = new TemplateSurvey(labels());
        List<LineReader.Line> kept = new ArrayList<>();
        long budget = lineBudget();
        long[] chars = {0};
        boolean[] keep = {true};
        try (InputStream in = check.checking(Files.newInputStream(file))) {
            DigestReader.survey(new LineReader(in, DigestReader.MAX_LINE_CHARS), survey, false, l -> {
                if (keep[0]) {
                    chars[0] += l.text().length() + 16;
                    if (chars[0] > budget) {
                        keep[0] = false;
                        kept.clear();
                    } else {
                        kept.add(l);
                    }
                }
            });
        } catch (IOException e) {
            throw unreadable(e);
        }
        requireText(check, "digest " + sourceName);
        List<LineReader.Line> lines = keep[0] ? kept : null;
        boolean titleHeadings = !check.linkHeadings();
        if (titleHeadings) {
            // no "### [" heading: the entries are headed by their titles, so the entries are counted again
            survey = new TemplateSurvey(labels());
            try (InputStream in = lines == null ? Files.newInputStream(file) : null) {
                DigestReader.survey(lines != null ? LineReader.replay(lines) : new LineReader(in, DigestReader.MAX_LINE_CHARS),
                        survey, true, l -> { });
            } catch (IOException e) {
                throw unreadable(e);
            }
        }
        return new FirstPass(check, DigestTemplate.infer(survey, labels()), titleHeadings, lines);
    }

    /**
     * The digest's day and hash, as {@link #parse} and {@link #scanHeadings} give them, without reading an entry: what
     * a store compares to know that it holds this very file.
     *
     * @throws DigestException when the file cannot be read or is not a text file
     */
    public Digest identify() {
        return new Digest(date, sourceName, identityCheck().sha256());
    }

    /** The day this parser gives the digest: the one given to the builder, else the one in the file's name. */
    public LocalDate date() {
        return date;
    }

    /** The file checked as text and hashed, with the JSONL beside it (a JSONL digest has none): the digest's identity. */
    private FileCheck identityCheck() {
        FileCheck check = checkedText();
        companions.forEach(c -> hashAlso(check, c));
        return check;
    }

    /** An entry heading: where it is and the link it gives, with the link's arXiv id when it has one. */
    public record Heading(int line, ArxivId arxivId, String link) {
    }

    /** What {@link #scanHeadings()} finds: the digest, and its entries' headings in order. */
    public record HeadingScan(Digest digest, List<Heading> headings) {
    }

    /**
     * Reads only the entry headings: which papers the digest lists, at a fraction of a full parse. A loader that
     * must know every paper's latest listing before it maps any uses this. It sees the links exactly as
     * {@link #parse} does; an entry that a full parse then rejects still has its heading here.
     *
     * @throws DigestException as {@link #parse} does
     */
    public HeadingScan scanHeadings() {
        if (DigestSources.isJsonl(file)) {
            Jsonl jsonl = readJsonl(file, sourceName);
            List<Heading> headings = new ArrayList<>();
            int rank = 0;
            for (GeneratorRecord r : jsonl.records) {
                RecordPapers.paper(r, ++rank, (line, message) -> { })
                        .ifPresent(p -> headings.add(new Heading(p.line(), p.arxivId(), p.link())));
            }
            return new HeadingScan(new Digest(date, sourceName, jsonl.sha256), headings);
        }
        FileCheck check = identityCheck();
        Digest digest = new Digest(date, sourceName, check.sha256());
        List<Heading> headings = new ArrayList<>();
        if (!check.linkHeadings()) {
            // entries headed by their titles name their links below: only a full read finds them
            parse(new DigestSink() {
                @Override
                public void paper(Paper p) {
                    headings.add(new Heading(p.line(), p.arxivId(), p.link()));
                }
            });
            return new HeadingScan(digest, headings);
        }
        try (InputStream in = Files.newInputStream(file)) {
            LineReader lines = new LineReader(in, DigestReader.MAX_LINE_CHARS);
            for (LineReader.Line l = lines.next(); l != null; l = lines.next()) {
                if (!l.isCut() && Lines.isEntryHeading(l.text())) {
                    int line = l.number();
                    EntryHeading.parse(l.text()).ifPresent(h -> headings.add(
                            new Heading(line, PaperLinks.arxivId(h.link()).orElse(null), h.link())));
                }
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
        return new HeadingScan(digest, headings);
    }

    /** Hashes the digest and refuses it if it is not text, before anything is read from it. */
    private FileCheck checkedText() {
        return checkedText(file, "digest " + sourceName);
    }

    /** Hashes a file and refuses one that is not text; {@code what} names it in the message. */
    private FileCheck checkedText(Path path, String what) {
        FileCheck check;
        try (InputStream in = Files.newInputStream(path)) {
            check = FileCheck.of(in);
        } catch (IOException e) {
            throw unreadable(e);
        }
        requireText(check, what);
        return check;
    }

    private static void requireText(FileCheck check, String what) {
        Optional<String> notText = check.notText();
        if (notText.isPresent()) {
            throw new DigestException(what + " is not a text file: " + notText.get() + "; nothing was read");
        }
    }

    private DigestException unreadable(IOException e) {
        String why = e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.toString();
        return new DigestException("cannot read digest " + sourceName + ": " + why, e);
    }

    public static final class Builder {
        private Path file;
        private LocalDate date;
        private String sourceName;
        private Labels labels;
        private List<Path> companions;
        private AuthorAliases aliases;

        private Builder() {
        }

        public Builder source(Path file) {
            this.file = Objects.requireNonNull(file, "file");
            return this;
        }

        /** The digest's day; overrides the date in the file name. */
        public Builder date(LocalDate date) {
            this.date = date;
            return this;
        }

        /** How the file is named in messages and provenance; default {@code file.toString()}. */
        public Builder sourceName(String name) {
            this.sourceName = name;
            return this;
        }

        /**
         * The JSONL files to read with a markdown digest; by default those beside it that belong to it
         * ({@link DigestSources#companions}); none: {@code List.of()}.
         */
        public Builder companions(List<Path> jsonl) {
            this.companions = List.copyOf(jsonl);
            return this;
        }

        /**
         * Who is who among the authors; by default the alias file {@value AuthorAliases#FILE_NAME} in the digest's
         * folder, if there is one.
         */
        public Builder aliases(AuthorAliases aliases) {
            this.aliases = Objects.requireNonNull(aliases, "aliases");
            return this;
        }

        /** Another label table (a fork's dialect). */
        Builder labels(Labels labels) {
            this.labels = Objects.requireNonNull(labels, "labels");
            return this;
        }

        /** @throws DigestException when no date was given and the file name carries none */
        public DigestParser build() {
            if (file == null) {
                throw new IllegalStateException("DigestParser needs a source(Path)");
            }
            String name = sourceName != null ? sourceName : file.toString();
            LocalDate day = date != null ? date : dateFromFileName(file).orElseThrow(() -> new DigestException(
                    "digest " + name + ": no date (YYYY-MM-DD) in the file name, and none was given"));
            List<Path> jsonl = companions != null ? companions
                    : DigestSources.isJsonl(file) || !Files.isRegularFile(file) ? List.of() : DigestSources.companions(file);
            return new DigestParser(file, day, name, labels, jsonl, aliases);
        }
    }
}
