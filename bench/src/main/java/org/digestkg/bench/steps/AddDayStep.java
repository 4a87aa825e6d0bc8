package org.digestkg.bench.steps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.digestkg.bench.BenchRun;
import org.digestkg.bench.BenchStep;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.KgBuildReport;
import org.digestkg.bench.MemoryPeaks;
import org.digestkg.bench.ProcessProbe;
import org.digestkg.bench.ResultTable.Met;

/**
 * The daily use: {@code kg build} of the next generated day into the smallest store (whole command), the same day
 * again (must be reported unchanged), then {@code kg remove} of it, so the store is as it was.
 */
public final class AddDayStep implements BenchStep {

    @Override
    public String option() {
        return "add";
    }

    @Override
    public String title(BenchRun run) {
        return "add one day";
    }

    @Override
    public String target() {
        return "< 1.0 s";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        int small = run.smallest();
        Path store = run.store(small);
        Path day = run.extraDay();
        String date = day.getFileName().toString().replace(".md", "");
        List<Double> add = new ArrayList<>();
        List<Double> readd = new ArrayList<>();
        List<Double> remove = new ArrayList<>();
        List<MemoryPeaks> memory = new ArrayList<>();
        String addLine = "";
        boolean unchangedSaid = true;
        for (int r = 0; r < run.options().repeat(); r++) {
            KgBuild a = KgBuild.run(run, day, store, "add-day-" + r);
            if (!a.process().ok() || !a.complete() || a.report().get().loaded() != 1) {
                run.table().failed("add one new day (" + date + ") to the " + small + "-day store", target(),
                        a.complete() ? "not loaded: " + Fmt.tail(a.process().output(), 2) : a.failure());
                return;
            }
            add.add(a.process().seconds());
            memory.add(a.process().memory());
            KgBuildReport added = a.report().get();
            addLine = Fmt.count(added.papers()) + " papers, " + Fmt.count(added.triples()) + " quads, build's own clock "
                    + added.ownClock();
            KgBuild b = KgBuild.run(run, day, store, "readd-day-" + r);
            if (!b.process().ok() || b.report().isEmpty()) {
                run.table().failed("re-add the same day", "< 0.5 s, unchanged",
                        b.process().ok() ? b.failure() : b.process().failure());
                return;
            }
            KgBuildReport again = b.report().get();
            unchangedSaid &= again.loaded() == 0 && again.unchanged() == 1
                    && again.files().stream().allMatch(f -> f.status().equals("unchanged"));
            readd.add(b.process().seconds());
            ProcessProbe.Result c = run.run(run.kg().kg("remove", "--store", store.toString(), date), "remove-day-" + r);
            if (!c.ok()) {
                run.table().failed("remove the day again (restores the " + small + "-day store)", "", c.failure());
                return;
            }
            remove.add(c.seconds());
        }
        double ta = Fmt.median(add);
        double tb = Fmt.median(readd);
        run.table().add("add one new day (" + date + ") to the " + small + "-day store: whole kg build command",
                Fmt.seconds(ta) + " (" + addLine + ")" + Fmt.runsNote(add), target(), Met.of(ta < 1.0));
        MemoryRows.peaks(run.table(), "add one new day: memory peaks of the kg build command", memory);
        run.table().add("re-add the same day: whole command", Fmt.seconds(tb) + (unchangedSaid ? ", says unchanged"
                        : ", did NOT say unchanged") + Fmt.runsNote(readd), "< 0.5 s, unchanged",
                Met.of(tb < 0.5 && unchangedSaid));
        run.table().add("kg remove of that day (restores the " + small + "-day store)",
                Fmt.seconds(Fmt.median(remove)) + Fmt.runsNote(remove));
    }
}
