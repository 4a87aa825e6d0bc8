package org.digestkg.extractor.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    public void parse(DigestSink sink) {
        Objects.requireNonNull(sink, "sink");
        sink.start(new Digest(date, sourceName, sha256()));
        // InputStreamReader replaces bytes that are not UTF-8 with U+FFFD, which DigestReader reports per line
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            new DigestReader(sourceName, labels, sink).read(in);
        } catch (IOException e) {
            throw unreadable(e);
        }
        sink.finish();
    }

    private String sha256() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
        return HexFormat.of().formatHex(sha.digest());
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
                    "digest " + name + ": no date (YYYY-MM-DD) in the file name; pass --date YYYY-MM-DD"));
            return new DigestParser(file, day, name, labels);
        }
    }
}
