package org.digestkg.bench.steps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestkg.bench.BenchRun;
import org.digestkg.bench.BenchStep;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.ProcessProbe;
import org.digestkg.bench.ResultTable.Met;

/**
 * The co-authorship commands, whole (JVM start included), on the smallest store, median of {@code --repeat} runs
 * each: {@code kg authors}, {@code coauthors} and {@code path} of the two most prolific authors,
 * {@code collaborations}, {@code network} (GraphML of the most prolific author's network, then of the whole network).
 * They read the network the build kept in the store's folder.
 */
public final class CoauthorCommandsStep implements BenchStep {

    /** A row of {@code kg authors}: rank, papers, co-authors, strength, centrality, name. */
    private static final Pattern AUTHOR_ROW =
            Pattern.compile("(?m)^\\s+\\d+\\s+\\d+\\s+\\d+\\s+[\\d.]+\\s+[\\d.]+\\s+(.+)$");

    @Override
    public String option() {
        return "cocli";
    }

    @Override
    public String title(BenchRun run) {
        return "co-authorship commands";
    }

    @Override
    public String target() {
        return "< 1.5 s";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        Path store = run.store(run.smallest());
        String s = store.toString();
        ProcessProbe.Result top = run.run(run.kg().kg("authors", "--store", s, "--top", "2"), "authors-top2");
        List<String> names = new ArrayList<>();
        Matcher m = AUTHOR_ROW.matcher(top.output());
        while (m.find()) names.add(m.group(1).strip());
        if (!top.ok() || names.size() < 2) {
            run.table().failed(title(run), target(), "kg authors gave no two authors — " + top.failure()
                    + Fmt.tail(top.output(), 2));
            return;
        }
        time(run, "authors", "kg authors --top 20", run.kg().kg("authors", "--store", s, "--top", "20"));
        time(run, "coauthors", "kg coauthors (most prolific: " + names.get(0) + ")", run.kg().kg("coauthors", "--store", s, names.get(0)));
        time(run, "path", "kg path (the two most prolific)", run.kg().kg("path", "--store", s, names.get(0), names.get(1)));
        time(run, "collaborations", "kg collaborations --top 20", run.kg().kg("collaborations", "--store", s, "--top", "20"));
        Path out = run.options().work().resolve("network.graphml");
        time(run, "network-author", "kg network --author (most prolific) --format graphml (their ego network, depth 1)",
                run.kg().kg("network", "--store", s, "--author", names.get(0), "--format", "graphml", "--out", out.toString()));
        time(run, "network", "kg network --format graphml (whole network)",
                run.kg().kg("network", "--store", s, "--format", "graphml", "--out", out.toString()));
    }

    private void time(BenchRun run, String tag, String what, List<String> command) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < run.options().repeat(); r++) {
            ProcessProbe.Result res = run.run(command, "cocli-" + tag + "-" + r);
            if (!res.ok()) {
                run.table().failed(what + ", " + run.smallest() + " days: whole command", target(), res.failure());
                return;
            }
            times.add(res.seconds());
        }
        double t = Fmt.median(times);
        run.table().add(what + ", " + run.smallest() + " days: whole command", Fmt.seconds(t) + Fmt.runsNote(times),
                target(), Met.of(t < 1.5));
    }
}
