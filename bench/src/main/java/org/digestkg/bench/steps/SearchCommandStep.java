package org.digestkg.bench.steps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.digestkg.bench.BenchRun;
import org.digestkg.bench.BenchStep;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.ProcessProbe;
import org.digestkg.bench.SearchQueries;
import org.digestkg.bench.ResultTable.Met;

/**
 * The search index of the smallest store: its size on disk beside the store's (it was built by the build step, whose
 * ratio to {@code tdb2.tdbloader} therefore includes it), and {@link SearchQueries} as whole {@code kg search}
 * commands (JVM start, opening the store, the search, the table printed).
 */
public final class SearchCommandStep implements BenchStep {

    @Override
    public String option() {
        return "search";
    }

    @Override
    public String title(BenchRun run) {
        return "search index and kg search";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        Path store = run.store(run.smallest());
        long index = size(store.resolve("text"));
        long all = size(store);
        run.table().add("search index of the " + run.smallest() + "-day store (" + store.getFileName() + "/text)",
                Fmt.mib(index / (double) (1 << 20)) + " (store and index " + Fmt.mib(all / (double) (1 << 20))
                        + "; the build times above include indexing)", "", Met.NONE);
        List<String> queries = SearchQueries.of(run.options());
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            ProcessProbe.Result r = run.run(run.kg().kg("search", "--store", store.toString(), queries.get(i)),
                    "search-" + i);
            if (!r.ok()) {
                run.table().failed("kg search " + queries.get(i), "", r.failure());
                return;
            }
            seconds.add(r.seconds());
        }
        run.table().add("kg search, whole command, " + queries.size() + " English and Chinese queries",
                "p50 " + Fmt.seconds(Fmt.percentile(seconds, 50)) + ", p95 " + Fmt.seconds(Fmt.percentile(seconds, 95)),
                "", Met.NONE);
    }

    private static long size(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
