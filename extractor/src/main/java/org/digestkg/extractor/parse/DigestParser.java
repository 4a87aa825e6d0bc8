package org.digestkg.extractor.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestkg.extractor.model.ArxivId;
import org.digestkg.extractor.model.Digest;

/**
 * Reads one daily digest file and streams what it finds to a {@link DigestSink}, in the manner of Jena's
 * {@code RDFParser}:
 * <pre>{@code
 * DigestParser.create().source(path).date(day).build().parse(sink);
 * DigestParser.parse(path, sink);   // date from the file name
 * }</pre>
 * Events: {@code start}, then {@code claimedCount}, {@code paper}, {@code warning}, {@code rejected} in file
 * order, then {@code finish}. {@code finish} is called only when the whole file was read; if the file cannot
 * be read a {@link DigestException} is thrown instead. Bad entries are rejected one by one and never stop the
 * digest.
 *
 * <p>One reader serves every template dialect of the generator's forks: the differences are data in the label
 * table ({@link Labels#standard()}: synonyms, other languages, heading-style labels, which labels end an
 * abstract) plus a few layout rules in {@link EntryParser} (translated title line, authors and category on one
 * line, several categories, {@code ---} rules, arXiv mirrors and DOI links).
 *
 * <p>Bad input, each reported with the file and line ({@link org.digestkg.extractor.model.Problem}):
 * <table>
 * <caption>What happens to bad input</caption>
 * <tr><th>input</th><th>outcome</th></tr>
 * <tr><td>missing or unreadable file; no date</td><td>{@link DigestException}, no event</td></tr>
 * <tr><td>binary data: a NUL byte, a UTF-16 byte-order mark, or a first 64 KiB that is mostly control
 *     characters or not UTF-8 ({@link FileCheck})</td><td>{@link DigestException} "not a text file", no event</td></tr>
 * <tr><td>empty or blank file</td><td>an empty digest: {@code start}, {@code finish}, no warning (a day
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
    private final Labels labels;

    private DigestParser(Path file, LocalDate date, String sourceName, Labels labels) {
        this.file = file;
        this.date = date;
        this.sourceName = sourceName;
        this.labels = labels;
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
        sink.start(new Digest(date, sourceName, checkedText().sha256()));
        try (InputStream in = Files.newInputStream(file)) {
            new DigestReader(sourceName, date, labels, sink).read(new LineReader(in, DigestReader.MAX_LINE_CHARS));
        } catch (IOException e) {
            throw unreadable(e);
        }
        sink.finish();
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
        Digest digest = new Digest(date, sourceName, checkedText().sha256());
        List<Heading> headings = new ArrayList<>();
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

    /** Hashes the file and refuses one that is not text, before anything is read from it. */
    private FileCheck checkedText() {
        FileCheck check;
        try (InputStream in = Files.newInputStream(file)) {
            check = FileCheck.of(in);
        } catch (IOException e) {
            throw unreadable(e);
        }
        Optional<String> notText = check.notText();
        if (notText.isPresent()) {
            throw new DigestException("digest " + sourceName + " is not a text file: " + notText.get()
                    + "; nothing was read");
        }
        return check;
    }

    private DigestException unreadable(IOException e) {
        String why = e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.toString();
        return new DigestException("cannot read digest " + sourceName + ": " + why, e);
    }

    public static final class Builder {
        private Path file;
        private LocalDate date;
        private String sourceName;
        private Labels labels = Labels.standard();

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
            return new DigestParser(file, day, name, labels);
        }
    }
}
