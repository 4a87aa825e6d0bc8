package org.digestkg.bench.steps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.digestkg.bench.BenchRun;
import org.digestkg.bench.BenchStep;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.ProcessProbe;
import org.digestkg.bench.ResultTable.Met;

/**
 * {@code kg stats}, whole command: once right after a change (the counts kept in the store's folder removed, so the
 * store is counted), then {@code --repeat} times with the counts kept for the store's state; both against the
 * target. On the smallest store here, and on the larger ones from {@link LargeBuildStep} before they are deleted.
 */
public final class StatsCommandStep implements BenchStep {

    /** The counts {@code kg stats} keeps in the store's folder (storage's {@code StatsFile}). */
    private static final String KEPT = "stats.txt";

    @Override
    public String option() {
        return "stats";
    }

    @Override
    public String title(BenchRun run) {
        return "kg stats";
    }

    @Override
    public String target() {
        return "< 1 s";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        measure(run, run.store(run.smallest()), run.smallest(), run.options().repeat());
    }

    static void measure(BenchRun run, Path store, int days, int repeat) throws Exception {
        Files.deleteIfExists(store.resolve(KEPT));
        ProcessProbe.Result first = run.run(run.kg().kg("stats", "--store", store.toString()), "stats-first-" + days);
        if (!first.ok()) {
            run.table().failed("kg stats, " + days + " days", "< 1 s", first.failure());
            return;
        }
        // the everyday case (a day added, then a glance at the counts) is this one: it has the target too
        run.table().add("kg stats, " + days + " days: first after a change (counts the store, keeps the counts)",
                Fmt.seconds(first.seconds()), "< 1 s", Met.of(first.seconds() < 1));
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < Math.max(1, repeat); r++) {
            ProcessProbe.Result again = run.run(run.kg().kg("stats", "--store", store.toString()), "stats-" + days + "-" + r);
            if (!again.ok()) {
                run.table().failed("kg stats, " + days + " days", "< 1 s", again.failure());
                return;
            }
            times.add(again.seconds());
        }
        double t = Fmt.median(times);
        run.table().add("kg stats, " + days + " days: whole command (counts kept for the store's state)",
                Fmt.seconds(t) + Fmt.runsNote(times), "< 1 s", Met.of(t < 1));
    }
}
