package org.digestkg.bench.steps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestkg.bench.BenchRun;
import org.digestkg.bench.BenchStep;
import org.digestkg.bench.Disk;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.ProcessProbe;
import org.digestkg.bench.ResultTable.Met;

/** {@code kg export --format nt} of the smallest store: triples per second, whole command and the exporter's own clock. */
public final class ExportStep implements BenchStep {

    private static final Pattern WRITTEN = Pattern.compile("([\\d,]+) (?:quads|triples) written to .* in ([\\d.]+) s");

    @Override
    public String option() {
        return "export";
    }

    @Override
    public String title(BenchRun run) {
        return "export nt";
    }

    @Override
    public String target() {
        return "≥ 500,000 triples/s";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        int n = run.smallest();
        Path nt = run.options().work().resolve("export/d" + n + ".nt");
        Files.createDirectories(nt.getParent());
        List<Double> rates = new ArrayList<>();
        List<Double> ownRates = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        long triples = 0;
        try {
            for (int r = 0; r < run.options().repeat(); r++) {
                Files.deleteIfExists(nt);
                ProcessProbe.Result res = run.run(run.kg().kg("export", "--store", run.store(n).toString(), "--format",
                        "nt", "--out", nt.toString()), "export-nt-" + n + "-" + r);
                if (!res.ok()) {
                    run.table().failed("kg export --format nt, " + n + " days", target(), res.failure());
                    return;
                }
                triples = Disk.countLines(nt);
                times.add(res.seconds());
                rates.add(triples / res.seconds());
                Matcher m = WRITTEN.matcher(res.output());
                if (m.find()) ownRates.add(triples / Double.parseDouble(m.group(2)));
            }
        } finally {
            Files.deleteIfExists(nt);
        }
        double rate = Fmt.median(rates);
        run.table().add("kg export --format nt, " + n + " days: triples/s, whole command", Fmt.rate(rate) + " ("
                        + Fmt.count(triples) + " triples in " + Fmt.seconds(Fmt.median(times)) + "; exporter's own clock: "
                        + Fmt.rate(Fmt.median(ownRates)) + "/s)" + Fmt.runsNote(times),
                target(), Met.of(rate >= 500_000));
    }
}
