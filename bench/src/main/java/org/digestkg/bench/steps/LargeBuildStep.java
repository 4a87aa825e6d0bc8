package org.digestkg.bench.steps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestkg.bench.BenchRun;
import org.digestkg.bench.BenchStep;
import org.digestkg.bench.BuildFigures;
import org.digestkg.bench.Disk;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.KgBuildReport;
import org.digestkg.bench.MemoryPeaks;
import org.digestkg.bench.ProcessProbe;
import org.digestkg.bench.ResultTable;
import org.digestkg.bench.ResultTable.Met;

/**
 * The larger corpora (1,840 days): {@code kg build} once each, its time against the smallest build's scaled (≤
 * {@link #TIME_PER_SCALE}× per size ratio) and its memory against the smallest build's ({@link MemoryRows}: private memory flat, RSS
 * reported), and {@code tdb2.tdbloader} on its export unless {@code --no-tdbloader-1840}. Large stores are deleted
 * afterwards.
 */
public final class LargeBuildStep implements BenchStep {

    /**
     * Time allowed per unit of size ratio: 1,840 days ≤ 10.5× the 184-day build (issue 12; issue 5 had asked ≤ 11×).
     * The slack over 10× is for a larger store's deeper B+trees.
     */
    static final double TIME_PER_SCALE = 1.05;

    /** The line {@code kg build} prints per digest loaded: the only record of how far a build that was stopped got. */
    private static final Pattern LOADED_LINE = Pattern.compile("^loaded .*, ([\\d.]+) s$", Pattern.MULTILINE);

    @Override
    public String option() {
        return "large";
    }

    @Override
    public String title(BenchRun run) {
        return "build larger corpora";
    }

    @Override
    public boolean applies(BenchRun run) {
        return run.options().days().size() > 1;
    }

    @Override
    public void run(BenchRun run) throws Exception {
        for (int n : run.options().days()) {
            if (n == run.smallest()) continue;
            Path store = run.store(n);
            try {
                boolean built = build(run, n, store);
                if (built) {
                    StatsCommandStep.measure(run, store, n, run.options().repeat());
                }
                if (built && run.options().tdbloaderLarge()) {
                    Tdbloader.measure(run, store, n, 1);
                } else if (built) {
                    run.table().add("tdb2.tdbloader " + n + " days", "skipped (--no-tdbloader-1840)");
                }
            } catch (Exception e) {
                run.table().failed("build " + n + " days", "", e.toString());
            } finally {
                Disk.deleteQuietly(store); // large stores are not kept: rerun bench/run to get them again
            }
        }
    }

    private static boolean build(BenchRun run, int n, Path store) throws Exception {
        ResultTable table = run.table();
        int small = run.smallest();
        double smallSeconds = run.build(small).map(BuildFigures::seconds).orElse(Double.NaN);
        MemoryPeaks smallMemory = run.build(small).map(BuildFigures::medianMemory).orElse(MemoryPeaks.NONE);
        Disk.deleteQuietly(store);
        KgBuild b = KgBuild.run(run, run.corpus(n), store, "build-" + n);
        ProcessProbe.Result res = b.process();
        double scale = n / (double) small;
        double timeLimit = TIME_PER_SCALE * scale;
        String timeTarget = String.format(Locale.ROOT, "≤ %s× build %d (%s)", Fmt.decimal(timeLimit), small,
                Fmt.seconds(timeLimit * smallSeconds));
        if (!res.ok() || !b.complete()) {
            List<Double> loaded = b.report().map(KgBuildReport::loadedSeconds).orElseGet(() -> loadedLines(res.output()));
            run.perDigest(n, loaded);
            String why = res.stopped() != null ? "stopped: " + res.stopped()
                    : res.timedOut() ? "timed out (--timeout " + run.options().timeout().toMinutes() + " min)"
                    : res.exitCode() != 0 ? "exit code " + res.exitCode() + " — " + Fmt.tail(res.output(), 1)
                    : "no build report or failed digests — " + Fmt.tail(res.output(), 1);
            double pace = res.seconds() / Math.max(1, loaded.size());
            table.add("build " + n + " days: NOT FINISHED", String.format(Locale.ROOT,
                            "%s; %d of %d digests loaded in %s (%.2f s per digest: %s for %d if it did not slow down), "
                                    + "store %s on disk by then", why, loaded.size(), n, Fmt.seconds(res.seconds()), pace,
                            Fmt.seconds(pace * n), n, Disk.duMiB(store)), timeTarget,
                    loaded.isEmpty() ? Met.FAILED : Met.NO);
            MemoryRows.largerBuild(table, n, res.memory(), small, smallMemory, false);
            return false;
        }
        KgBuildReport report = b.report().orElseThrow();
        run.perDigest(n, report.loadedSeconds());
        double t = res.seconds();
        run.build(n, new BuildFigures(List.of(t), List.of(res.memory()), report));
        table.add("graph " + n + " days", report.graph() + " (build report)");
        double ratio = t / smallSeconds;
        table.add("build " + n + " days: wall time, whole command", Fmt.seconds(t) + " = " + Fmt.ratio(ratio)
                        + " build " + small + " (build's own clock " + report.ownClock() + ")", timeTarget,
                Double.isNaN(ratio) ? Met.NONE : Met.of(ratio <= timeLimit));
        MemoryRows.largerBuild(table, n, res.memory(), small, smallMemory, true);
        table.add("store on disk, " + n + " days", Disk.duMiB(store));
        return true;
    }

    private static List<Double> loadedLines(String output) {
        List<Double> t = new ArrayList<>();
        Matcher m = LOADED_LINE.matcher(output);
        while (m.find()) t.add(Double.parseDouble(m.group(1)));
        return t;
    }
}
