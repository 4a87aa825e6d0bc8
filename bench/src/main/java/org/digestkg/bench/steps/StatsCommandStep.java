package org.digestkg.bench.steps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.digestkg.bench.BenchRun;
import org.digestkg.bench.BenchStep;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.ProcessProbe;
import org.digestkg.bench.ResultTable.Met;

/**
 * {@code kg stats}, whole command, as it is used: right after a change (the store's last day removed by {@code kg
 * remove}, then loaded again by {@code kg build}, which leaves the store as it was; each keeps the counts moved by
 * what it wrote), then {@code --repeat} times with the counts kept for the store's state; all against the target.
 * Also, without a target, counting the whole store, as after a change no writer could follow (the counts file
 * deleted). On the smallest store here, and on the larger ones from {@link LargeBuildStep} before they are deleted.
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
        String what = "kg stats, " + days + " days";
        List<String> stats = run.kg().kg("stats", "--store", store.toString());
        // a glance first, not timed: the change below moves counts kept for the state before it, and a store a
        // served folder loaded into (the watch step) or an older kg built has none
        if (!run.run(stats, "stats-before-" + days).ok()) {
            run.table().failed(what, "< 1 s", "kg stats failed before the change");
            return;
        }
        Path last;
        try (Stream<Path> files = Files.list(run.corpus(days))) {
            last = files.filter(f -> f.getFileName().toString().endsWith(".md")).max(Comparator.naturalOrder()).orElseThrow();
        }
        String date = last.getFileName().toString().replace(".md", "");
        ProcessProbe.Result removed = run.run(run.kg().kg("remove", "--store", store.toString(), date), "stats-remove-" + days);
        if (!removed.ok()) {
            run.table().failed(what, "< 1 s", "kg remove " + date + ": " + removed.failure());
            return;
        }
        if (!timed(run, stats, what + ": first after kg remove of the last day (counts the removal moved)",
                "stats-after-remove-" + days)) return;
        ProcessProbe.Result added = run.run(run.kg().kg("build", "-q", "--store", store.toString(), last.toString()),
                "stats-readd-" + days);
        if (!added.ok()) {
            run.table().failed(what, "< 1 s", "kg build " + last + ": " + added.failure());
            return;
        }
        if (!timed(run, stats, what + ": first after adding that day again (counts the build moved)",
                "stats-after-add-" + days)) return;

        Files.deleteIfExists(store.resolve(KEPT));
        ProcessProbe.Result counted = run.run(stats, "stats-counted-" + days);
        if (!counted.ok()) {
            run.table().failed(what, "", counted.failure());
            return;
        }
        run.table().add(what + ": counting the whole store (no counts kept for its state, as after an RDF import)",
                Fmt.seconds(counted.seconds()));
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < Math.max(1, repeat); r++) {
            ProcessProbe.Result again = run.run(stats, "stats-" + days + "-" + r);
            if (!again.ok()) {
                run.table().failed(what, "< 1 s", again.failure());
                return;
            }
            times.add(again.seconds());
        }
        double t = Fmt.median(times);
        run.table().add(what + ": whole command (counts kept for the store's state)",
                Fmt.seconds(t) + Fmt.runsNote(times), "< 1 s", Met.of(t < 1));
    }

    /** Runs {@code kg stats} once and reports it as a row with the target; false when it failed. */
    private static boolean timed(BenchRun run, List<String> stats, String row, String name) throws Exception {
        ProcessProbe.Result r = run.run(stats, name);
        if (!r.ok()) {
            run.table().failed(row, "< 1 s", r.failure());
            return false;
        }
        run.table().add(row, Fmt.seconds(r.seconds()), "< 1 s", Met.of(r.seconds() < 1));
        return true;
    }
}
