package org.digestkg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.digestkg.bench.ResultTable.Met;
import org.digestkg.bench.steps.AddDayStep;
import org.digestkg.bench.steps.BuildMemoryStep;
import org.digestkg.bench.steps.BuildStep;
import org.digestkg.bench.steps.CoauthorQueriesStep;
import org.digestkg.bench.steps.ExportStep;
import org.digestkg.bench.steps.LargeBuildStep;
import org.digestkg.bench.steps.PapersPerCategoryStep;
import org.digestkg.bench.steps.ParseOnlyStep;
import org.digestkg.bench.steps.PerDigestTrendStep;
import org.digestkg.bench.steps.ReuseStoreStep;
import org.digestkg.bench.steps.SearchCommandStep;
import org.digestkg.bench.steps.SearchServerStep;
import org.digestkg.bench.steps.ServeStep;
import org.digestkg.bench.steps.ServerMemoryStep;
import org.digestkg.bench.steps.TdbloaderStep;
import org.digestkg.bench.steps.TypicalAuthorStep;
import org.digestkg.bench.steps.WatchStep;

/**
 * The digest-kg benchmark: generates corpora, then times real subprocesses of the command line
 * ({@code java -jar cli/target/kg.jar …}, with the JVM options of the {@code kg} launcher) and of Jena's own
 * {@code tdb2.tdbloader}, watching their peak RSS from {@code /proc}, and queries a running {@code kg serve}
 * over HTTP. Prints a markdown table (measure | value | target | met?) and writes it to {@code results.md}.
 *
 * <p>The work is done by {@link #STEPS}, in order; a step that fails becomes a FAILED row and the run goes on.
 * Run it with {@code bench/run}; see {@link BenchOptions} for the options.
 */
public final class Benchmark {

    /** The steps, in the order they run (and their rows appear). A new step: its class, and one line here. */
    public static final List<BenchStep> STEPS = List.of(
            new ParseOnlyStep(),
            new BuildStep(),
            new ReuseStoreStep(),
            new BuildMemoryStep(),
            new TdbloaderStep(),
            new AddDayStep(),
            new WatchStep(),
            new ExportStep(),
            new SearchCommandStep(),
            new ServeStep(),
            new CoauthorQueriesStep(),
            new PapersPerCategoryStep(),
            new SearchServerStep(),
            new TypicalAuthorStep(),
            new ServerMemoryStep(),
            new LargeBuildStep(),
            new PerDigestTrendStep());

    private final BenchRun run;

    public Benchmark(BenchOptions options) {
        this.run = new BenchRun(options);
    }

    /** The names {@code --steps} accepts. */
    static Set<String> stepOptions() {
        return STEPS.stream().map(BenchStep::option).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            if (!e.getMessage().startsWith("usage")) System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        new Benchmark(options).run();
        System.exit(0);
    }

    public ResultTable table() {
        return run.table();
    }

    /** Runs every step and writes the results; returns the report's markdown. */
    public String run() {
        BenchOptions o = run.options();
        try {
            run.createLogs();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        run.say("digest-kg benchmark: days " + o.days() + ", repeat " + o.repeat() + ", work " + o.work());
        machineInfo();
        if (!Files.isRegularFile(run.kg().jar())) {
            run.table().failed("kg.jar", "", run.kg().jar() + " is missing: run ./kg --version from the repository root first");
            return finish();
        }
        if (!prepare("snapshot kg.jar", () -> run.kg().snapshot(o.work().resolve("kg"), o.work().resolve("logs"), run.machine()))
                || !prepare("generate corpora", () -> run.corpora(Corpora.prepare(run)))) {
            return finish();
        }
        for (BenchStep step : STEPS) {
            if (step.option() != null && !o.runs(step.option()) || !step.applies(run)) continue;
            if (!step.usesServer()) run.stopServer();
            String title = step.title(run);
            run.say("== " + title);
            try {
                step.run(run);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.table().failed(title, step.target(), "interrupted");
            } catch (Exception | Error e) {
                run.table().failed(title, step.target(), e.toString());
            }
        }
        run.stopServer();
        return finish();
    }

    @FunctionalInterface
    private interface Preparation {
        void run() throws Exception;
    }

    /** Runs what the steps need; false (after a FAILED row) when it failed. */
    private boolean prepare(String name, Preparation p) {
        run.say("== " + name);
        try {
            p.run();
            return true;
        } catch (Exception | Error e) {
            run.table().failed(name, "", e.toString());
            return false;
        }
    }

    private String finish() {
        String report = report();
        System.out.println();
        System.out.println(report);
        BenchOptions o = run.options();
        try {
            Files.writeString(o.work().resolve("results.md"), report);
            if (!o.quick()) Files.writeString(o.root().resolve("bench/results.md"), report);
        } catch (IOException e) {
            System.err.println("could not write results.md: " + e);
        }
        return report;
    }

    String report() {
        BenchOptions o = run.options();
        KgLauncher kg = run.kg();
        ResultTable table = run.table();
        StringBuilder sb = new StringBuilder();
        sb.append("# digest-kg benchmark results\n\n");
        sb.append("Reproduce: `bench/run").append(o.quick() ? " --quick" : "")
                .append(" --days ").append(String.join(",", o.days().stream().map(String::valueOf).toList()))
                .append(" --repeat ").append(o.repeat())
                .append(o.steps().equals(BenchOptions.STEPS) ? "" : " --steps " + String.join(",", new TreeSet<>(o.steps())))
                .append("`. ")
                .append("Every figure is a real subprocess (`java ").append(String.join(" ", kg.javaOpts()))
                .append(kg.archived() ? " -XX:SharedArchiveFile=kg.jsa" : "")
                .append(" -jar cli/target/kg.jar …`, as the `kg` launcher runs it; Jena's `tdb2.tdbloader` with `")
                .append(String.join(" ", kg.tdbloaderOpts()))
                .append("`), timed from start to exit, JVM start included; peak RSS is the largest `VmHWM` read ")
                .append("from `/proc/<pid>/status` every 20 ms. Medians of ").append(o.repeat())
                .append(" runs where the row says so; queries are warm medians over HTTP.\n\n");
        sb.append("| machine | |\n|---|---|\n");
        run.machine().forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(Fmt.cell(v)).append(" |\n"));
        sb.append("\n");
        sb.append(table.markdown());
        sb.append("\n");
        sb.append(String.format(Locale.ROOT, "Targets met: %d, missed: %d, failed steps: %d. Total benchmark time %s.%n",
                table.count(Met.YES), table.count(Met.NO), table.count(Met.FAILED), Fmt.seconds(run.seconds())));
        if (!run.notes().isEmpty()) {
            sb.append("\n");
            run.notes().forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        return sb.toString();
    }

    private void machineInfo() {
        var machine = run.machine();
        machine.put("date", LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16));
        machine.put("cores (nproc)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        machine.put("CPU", firstMatch(Path.of("/proc/cpuinfo"), "model name").orElse("?"));
        machine.put("RAM", firstMatch(Path.of("/proc/meminfo"), "MemTotal").map(v -> {
            long kb = Long.parseLong(v.replaceAll("[^0-9]", ""));
            return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
        }).orElse("?"));
        machine.put("load average at start", Disk.read(Path.of("/proc/loadavg")).trim());
        machine.put("java -version", run.kg().javaVersion());
        machine.put("JVM options of kg (the launcher's, or $KG_JAVA_OPTS)", String.join(" ", run.kg().javaOpts()));
        machine.put("JVM options of tdb2.tdbloader ($TDBLOADER_JAVA_OPTS)", String.join(" ", run.kg().tdbloaderOpts()));
    }

    private static Optional<String> firstMatch(Path file, String key) {
        for (String line : Disk.read(file).split("\n")) {
            if (line.startsWith(key)) {
                int c = line.indexOf(':');
                return Optional.of(line.substring(c + 1).trim());
            }
        }
        return Optional.empty();
    }
}
