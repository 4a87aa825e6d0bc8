package org.digestkg.cli;

import java.time.Duration;
import java.util.List;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.digestkg.extractor.model.Problem;
import org.digestkg.storage.LoadResult;

/** The outcome of one {@code kg build}: a line for people, JSON for machines. */
record BuildReport(List<LoadResult> results, long distinctAuthors, Duration time) {

    long count(LoadResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    long papers() {
        return results.stream().mapToLong(LoadResult::papers).sum();
    }

    long triples() {
        return results.stream().mapToLong(LoadResult::triples).sum();
    }

    long warnings() {
        return results.stream().mapToLong(r -> r.warnings().size()).sum();
    }

    long rejected() {
        return results.stream().mapToLong(r -> r.rejected().size()).sum();
    }

    boolean allClean() {
        return results.stream().allMatch(LoadResult::clean);
    }

    String line() {
        return String.format("%d digests loaded, %d unchanged, %d failed: %,d papers, %,d authors, %,d triples, "
                        + "%d warnings, %d rejected entries, %.1f s",
                count(LoadResult.Status.LOADED), count(LoadResult.Status.UNCHANGED), count(LoadResult.Status.FAILED),
                papers(), distinctAuthors, triples(), warnings(), rejected(), time.toNanos() / 1e9);
    }

    String toJson() {
        JsonObject root = new JsonObject();
        JsonObject totals = new JsonObject();
        totals.put("digests", results.size());
        totals.put("loaded", count(LoadResult.Status.LOADED));
        totals.put("unchanged", count(LoadResult.Status.UNCHANGED));
        totals.put("failed", count(LoadResult.Status.FAILED));
        totals.put("papers", papers());
        totals.put("authors", distinctAuthors);
        totals.put("triples", triples());
        totals.put("warnings", warnings());
        totals.put("rejected", rejected());
        totals.put("milliseconds", time.toMillis());
        root.put("totals", totals);
        JsonArray files = new JsonArray();
        for (LoadResult r : results) {
            JsonObject f = new JsonObject();
            f.put("file", r.source());
            if (r.date() != null) f.put("date", r.date().toString());
            f.put("status", r.status().name().toLowerCase());
            f.put("papers", r.papers());
            f.put("authors", r.authors());
            f.put("triples", r.triples());
            f.put("failedSummaryFields", r.failedFields());
            if (r.error() != null) f.put("error", r.error());
            f.put("warnings", problems(r.warnings()));
            f.put("rejected", problems(r.rejected()));
            f.put("milliseconds", r.time().toMillis());
            files.add(f);
        }
        root.put("files", files);
        return root.toString() + "\n";
    }

    private static JsonArray problems(List<Problem> problems) {
        JsonArray a = new JsonArray();
        for (Problem p : problems) {
            JsonObject o = new JsonObject();
            o.put("file", p.file());
            o.put("line", p.line());
            o.put("message", p.message());
            a.add(o);
        }
        return a;
    }
}
