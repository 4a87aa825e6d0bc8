package org.digestkg.bench.steps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestkg.bench.BenchRun;
import org.digestkg.bench.BenchStep;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.ParseOnly;
import org.digestkg.bench.ProcessProbe;

/**
 * Reference points for where a build's time goes: the project's parser alone, then parser and RDF mapping, over
 * the smallest corpus, no store ({@link ParseOnly}, on the CLI's own classpath).
 */
public final class ParseOnlyStep implements BenchStep {

    private static final Pattern PARSE_ONLY = Pattern.compile("files=(\\d+) papers=(\\d+) quads=(\\d+) seconds=([\\d.]+)");

    @Override
    public String option() {
        return "parse";
    }

    @Override
    public String title(BenchRun run) {
        return "parse only, " + run.smallest() + " days";
    }

    @Override
    public boolean applies(BenchRun run) {
        return true;
    }

    @Override
    public void run(BenchRun run) throws Exception {
        int n = run.smallest();
        Path corpus = run.corpus(n);
        String cp = ownJar() + ":" + run.kg().jar().resolveSibling("lib") + "/*";
        for (String mode : List.of("parse", "map")) {
            List<Double> times = new ArrayList<>();
            ProcessProbe.Result last = null;
            String counts = "";
            for (int r = 0; r < run.options().repeat(); r++) {
                last = run.run(run.kg().withKgOptions("-cp", cp, ParseOnly.class.getName(), mode, corpus.toString()),
                        "parse-only-" + mode + "-" + n + "-" + r);
                if (!last.ok()) break;
                Matcher m = PARSE_ONLY.matcher(last.output());
                if (m.find()) {
                    times.add(last.seconds());
                    counts = mode.equals("map")
                            ? Fmt.count(Long.parseLong(m.group(2))) + " listings → " + Fmt.count(Long.parseLong(m.group(3))) + " quads"
                            : Fmt.count(Long.parseLong(m.group(2))) + " listings";
                    counts += ", in-process " + Fmt.seconds(Double.parseDouble(m.group(4)));
                }
            }
            String what = mode.equals("parse") ? "parse only (project parser, no RDF, no store), "
                    : "parse + map to RDF (no store), ";
            if (last == null || !last.ok() || times.isEmpty()) {
                run.table().failed(what + n + " days", "", last == null ? "not run" : last.failure());
                continue;
            }
            run.table().add(what + n + " days", Fmt.seconds(Fmt.median(times)) + ", peak " + Fmt.mib(last.peakMiB())
                    + " (" + counts + ")" + Fmt.runsNote(times));
        }
    }

    private static String ownJar() {
        try {
            return Path.of(ParseOnly.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            return System.getProperty("java.class.path");
        }
    }
}
