package org.digestkg.bench.steps;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestkg.bench.BenchRun;
import org.digestkg.bench.BenchStep;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.ProcessProbe;
import org.digestkg.bench.ResultTable.Met;

/**
 * {@code kg compact} of the smallest store, after the steps before it added days and removed them again (TDB2 keeps
 * the index blocks each of those writes copied): the whole command's time, its memory, and the store's data before
 * and after as the command reports them (the bytes TDB2's indexes and node file use). Once: compacting a compacted
 * store would measure something else.
 */
public final class CompactStep implements BenchStep {

    private static final Pattern REPORT = Pattern.compile(" in ([\\d.]+) s: its data ([\\d,]+ MB) -> ([\\d,]+ MB)");

    @Override
    public String option() {
        return "compact";
    }

    @Override
    public String title(BenchRun run) {
        return "kg compact";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        int n = run.smallest();
        ProcessProbe.Result res = run.run(run.kg().kg("compact", "--store", run.store(n).toString()), "compact-" + n);
        String title = "kg compact of the " + n + "-day store, after the days the steps before it added and removed: "
                + "whole command";
        if (!res.ok()) {
            run.table().failed(title, "", res.failure());
            return;
        }
        Matcher m = REPORT.matcher(res.output());
        String data = m.find()
                ? "; its data " + m.group(2) + " → " + m.group(3) + " (its own clock " + m.group(1) + " s)"
                : "";
        run.table().add(title, Fmt.seconds(res.seconds()) + data + "; " + res.memory().text(), "", Met.NONE);
    }
}
