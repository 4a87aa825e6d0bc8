package org.digestkg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/**
 * What {@code kg build --report FILE} wrote: the counts and timings the benchmark reports, read from the JSON
 * rather than from the line printed for people.
 *
 * @param seconds the build's own clock, over all files
 * @param files   each digest, in the order it was loaded
 */
public record KgBuildReport(long loaded, long unchanged, long failed, long papers, long authors, long triples,
                            double seconds, List<Digest> files) {

    /** One digest's line of the report. */
    public record Digest(String file, String status, long papers, long triples, double seconds) {
    }

    /** The report in {@code file}; empty when there is none (the build did not get to the end). */
    public static Optional<KgBuildReport> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return Optional.empty();
        JsonObject root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.parse(in);
        }
        JsonObject t = root.get("totals").getAsObject();
        List<Digest> files = root.get("files").getAsArray().stream().map(JsonValue::getAsObject)
                .map(f -> new Digest(f.getString("file"), f.getString("status"), number(f, "papers"),
                        number(f, "triples"), number(f, "milliseconds") / 1000.0))
                .toList();
        return Optional.of(new KgBuildReport(number(t, "loaded"), number(t, "unchanged"), number(t, "failed"),
                number(t, "papers"), number(t, "authors"), number(t, "triples"), number(t, "milliseconds") / 1000.0,
                files));
    }

    /** The load time of each digest loaded, in order. */
    public List<Double> loadedSeconds() {
        return files.stream().filter(f -> f.status().equals("loaded")).map(Digest::seconds).toList();
    }

    /** "5,622 papers, 14,657 authors, 341,726 quads". */
    public String graph() {
        return Fmt.count(papers) + " papers, " + Fmt.count(authors) + " authors, " + Fmt.count(triples) + " quads";
    }

    /** The build's own clock as it prints it, "77.2 s". */
    public String ownClock() {
        return String.format(java.util.Locale.ROOT, "%.1f s", seconds);
    }

    private static long number(JsonObject o, String key) {
        return o.get(key).getAsNumber().value().longValue();
    }
}
