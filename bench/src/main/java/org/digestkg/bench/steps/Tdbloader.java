package org.digestkg.bench.steps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.digestkg.bench.BenchRun;
import org.digestkg.bench.BuildFigures;
import org.digestkg.bench.Disk;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.MemoryPeaks;
import org.digestkg.bench.ProcessProbe;
import org.digestkg.bench.ResultTable;
import org.digestkg.bench.ResultTable.Met;

/**
 * The yardstick: {@code kg export --format nq} of a store, then Jena's own {@code tdb2.tdbloader} on that export,
 * and the ratio of the build of the same corpus to it.
 */
final class Tdbloader {

    private Tdbloader() {
    }

    static void measure(BenchRun run, Path store, int n, int repeat) throws IOException {
        ResultTable table = run.table();
        Path nq = run.options().work().resolve("export/d" + n + ".nq");
        Files.createDirectories(nq.getParent());
        ProcessProbe.Result ex = run.run(run.kg().kg("export", "--store", store.toString(), "--format", "nq", "--out",
                nq.toString()), "export-nq-" + n);
        if (!ex.ok()) {
            table.failed("export " + n + " days to N-Quads", "", ex.failure());
            return;
        }
        long quads = Disk.countLines(nq);
        table.add("export " + n + " days to N-Quads (input of tdbloader)", Fmt.seconds(ex.seconds()) + ", "
                + Fmt.count(quads) + " quads, " + String.format(Locale.ROOT, "%.0f MB", Disk.size(nq) / 1e6));
        Path loc = run.options().work().resolve("tdbloader/d" + n);
        List<Double> times = new ArrayList<>();
        List<MemoryPeaks> memory = new ArrayList<>();
        double sequential = Double.NaN;
        try {
            for (int r = 0; r < repeat; r++) {
                Disk.deleteQuietly(loc);
                ProcessProbe.Result res = run.run(run.kg().tdbloader("--loc", loc.toString(), nq.toString()),
                        "tdbloader-" + n + "-" + r);
                if (!res.ok()) {
                    table.failed("tdb2.tdbloader " + n + " days", "", res.failure());
                    return;
                }
                times.add(res.seconds());
                memory.add(res.memory());
            }
            table.add("tdb2.tdbloader --loc L " + n + "-days.nq: wall time", Fmt.seconds(Fmt.median(times))
                    + Fmt.runsNote(times));
            MemoryRows.peaks(table, "tdb2.tdbloader " + n + " days: memory peaks", memory);
            table.add("tdb2.tdbloader store on disk, " + n + " days", Disk.duMiB(loc));
            if (n == run.smallest()) sequential = sequential(run, nq, loc, n, repeat);
        } finally {
            Disk.deleteQuietly(loc);
            Files.deleteIfExists(nq);
        }
        double tl = Fmt.median(times);
        double built = run.build(n).map(BuildFigures::seconds).orElse(Double.NaN);
        double ratio = built / tl;
        table.add("ratio build / tdbloader, " + n + " days", Fmt.ratio(ratio) + " (" + Fmt.seconds(built) + " / "
                + Fmt.seconds(tl) + ")", "≤ 1.0×", Double.isNaN(ratio) ? Met.NONE : Met.of(ratio <= 1.0));
        if (!Double.isNaN(sequential)) {
            table.add("ratio build / tdbloader --loader=sequential, " + n + " days (Jena's crash-safe loader, which "
                    + "builds after a new store's first use for many new digests; the default phased loader is not safe "
                    + "against a crash)", Fmt.ratio(built / sequential)
                    + " (" + Fmt.seconds(built) + " / " + Fmt.seconds(sequential) + ")");
        }
        if (n == run.smallest()) {
            double builtMib = run.build(n).map(BuildFigures::peakMiB).orElse(Double.NaN);
            table.add("ratio peak RSS build / tdbloader, " + n + " days",
                    Fmt.ratio(builtMib / MemoryPeaks.median(memory).rssMiB()));
        }
    }

    /**
     * Jena's own crash-safe loader on the same quads: the one the build's bulk path runs after a new store's first
     * load (which writes its indexes packed). NaN when it failed (a row says so).
     */
    private static double sequential(BenchRun run, Path nq, Path loc, int n, int repeat) throws IOException {
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            Disk.deleteQuietly(loc);
            ProcessProbe.Result res = run.run(run.kg().tdbloader("--loader=sequential", "--loc", loc.toString(),
                    nq.toString()), "tdbloader-sequential-" + n + "-" + r);
            if (!res.ok()) {
                run.table().failed("tdb2.tdbloader --loader=sequential " + n + " days", "", res.failure());
                return Double.NaN;
            }
            times.add(res.seconds());
        }
        run.table().add("tdb2.tdbloader --loader=sequential --loc L " + n + "-days.nq: wall time",
                Fmt.seconds(Fmt.median(times)) + Fmt.runsNote(times));
        return Fmt.median(times);
    }
}
