package org.digestkg.cli;

import java.time.Duration;
import java.util.List;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.digestkg.extractor.model.Problem;
import org.digestkg.storage.ImportResult;
import org.digestkg.storage.LoadResult;

/**
 * The outcome of one {@code kg build}: a line for people, JSON for machines.
 *
 * @param results the digests, in the order they were loaded
 * @param imports the RDF files imported, in the order they were loaded
 */
record BuildReport(List<LoadResult> results, List<ImportResult> imports, long distinctAuthors, Duration time) {

    BuildReport {
        results = List.copyOf(results);
        imports = List.copyOf(imports);
    }

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
        return results.stream().mapToLong(r -> r.warnings().size()).sum()
                + imports.stream().mapToLong(i -> i.warnings().size()).sum();
    }

    long rejected() {
        return results.stream().mapToLong(r -> r.rejected().size()).sum();
    }

    long importsFailed() {
        return imports.stream().filter(i -> !i.clean()).count();
    }

    long quadsImported() {
        return imports.stream().mapToLong(ImportResult::quads).sum();
    }

    /** Whether the build wrote to the store: a digest loaded or an RDF file imported. */
    boolean changedStore() {
        return count(LoadResult.Status.LOADED) > 0 || imports.size() > importsFailed();
    }

    /** The days of the digests loaded (new or replacing the stored one); null when one has no day. */
    java.util.Set<java.time.LocalDate> loadedDays() {
        if (results.stream().anyMatch(r -> r.status() == LoadResult.Status.LOADED && r.date() == null)) {
            return null;
        }
        return results.stream().filter(r -> r.status() == LoadResult.Status.LOADED).map(LoadResult::date)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Nothing failed and no entry was rejected: {@code kg build} exits 0. Warnings alone do not count. */
    boolean allClean() {
        return results.stream().allMatch(LoadResult::clean) && imports.stream().allMatch(ImportResult::clean);
    }

    String line() {
        StringBuilder b = new StringBuilder();
        if (!results.isEmpty() || imports.isEmpty()) {
            b.append(String.format("%d digests loaded, %d unchanged, %d failed: %,d papers, %,d authors, %,d triples, "
                            + "%d warnings, %d rejected entries",
                    count(LoadResult.Status.LOADED), count(LoadResult.Status.UNCHANGED), count(LoadResult.Status.FAILED),
                    papers(), distinctAuthors, triples(), warnings(), rejected()));
        }
        if (!imports.isEmpty()) {
            if (b.length() > 0) b.append("; ");
            b.append(String.format("%d RDF files imported, %d failed: %,d quads", imports.size() - importsFailed(),
                    importsFailed(), quadsImported()));
            if (results.isEmpty()) b.append(String.format(", %d warnings", warnings()));
        }
        return b.append(String.format(", %.1f s", time.toNanos() / 1e9)).toString();
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
        totals.put("failedSummaryFields", results.stream().mapToLong(LoadResult::failedFields).sum());
        totals.put("imports", imports.size());
        totals.put("importsFailed", importsFailed());
        totals.put("quadsImported", quadsImported());
        totals.put("milliseconds", time.toMillis());
        root.put("ok", allClean());
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
            if (r.template() != null) f.put("template", InspectCommand.json(r.template()));
            f.put("milliseconds", r.time().toMillis());
            files.add(f);
        }
        root.put("files", files);
        JsonArray imported = new JsonArray();
        for (ImportResult i : imports) {
            JsonObject f = new JsonObject();
            f.put("file", i.source());
            f.put("status", i.clean() ? "imported" : "failed");
            f.put("quads", i.quads());
            JsonArray graphs = new JsonArray();
            i.graphs().forEach(graphs::add);
            f.put("graphs", graphs);
            if (i.error() != null) f.put("error", i.error());
            f.put("warnings", problems(i.warnings()));
            f.put("milliseconds", i.time().toMillis());
            imported.add(f);
        }
        root.put("imports", imported);
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
