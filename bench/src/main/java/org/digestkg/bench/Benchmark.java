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
import org.digestkg.bench.steps.CoauthorCommandsStep;
import org.digestkg.bench.steps.CoauthorQueriesStep;
import org.digestkg.bench.steps.CompactStep;
import org.digestkg.bench.steps.ExplorerPagesStep;
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
import org.digestkg.bench.steps.StatsCommandStep;
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
            new StatsCommandStep(),
            new CoauthorCommandsStep(),
            new ExportStep(),
            new SearchCommandStep(),
            new ServeStep(),
            new CoauthorQueriesStep(),
            new PapersPerCategoryStep(),
            new SearchServerStep(),
            new TypicalAuthorStep(),
            new ExplorerPagesStep(),
            new ServerMemoryStep(),
            new CompactStep(),
            new LargeBuildStep(),
            new PerDigestTrendStep());

    private final BenchRun run;
    private final ResultsFile results;
    /** The step running, for the results of a run stopped from outside. */
    private volatile String current = "the preparation";
    /** Set by the shutdown hook: the steps' thread starts no further step and prints no more rows. */
    private volatile boolean stopping;

    public Benchmark(BenchOptions options) {
        this.run = new BenchRun(options);
        this.results = new ResultsFile(options.quick() ? List.of(options.work().resolve("results.md"))
                : List.of(options.work().resolve("results.md"), options.root().resolve("bench/results.md")));
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
            if (e.getMessage().equals(BenchOptions.HELP)) {
                System.out.println(BenchOptions.HELP);
                System.exit(0);
            }
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

    /**
     * Runs every step and writes the results; returns the report's markdown. The results file is written again after
     * every step, so a run that fails or is stopped midway keeps every row measured so far; if the benchmark is
     * stopped from outside (SIGTERM, Ctrl-C), {@link #stoppedFromOutside} ends its processes and writes what it has.
     */
    public String run() {
        try {
            run.createLogs();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Thread hook = new Thread(this::stoppedFromOutside, "bench-stopped");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return runSteps();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook writes the results
            }
        }
    }

    private String runSteps() {
        BenchOptions o = run.options();
        run.say("digest-kg benchmark: days " + o.days() + ", repeat " + o.repeat() + ", work " + o.work());
        run.say("results are written after every step to " + String.join(" and ", results.files().stream()
                .map(Path::toString).toList()));
        machineInfo();
        if (!Files.isRegularFile(run.kg().jar())) {
            run.table().failed("kg.jar", "", run.kg().jar() + " is missing: run ./kg --version from the repository root first");
            return finish();
        }
        if (!prepare("snapshot kg.jar", () -> run.kg().snapshot(o.work().resolve("kg"), o.work().resolve("logs"), run.machine()))
                || !prepare("generate corpora", () -> run.corpora(Corpora.prepare(run)))) {
            return finish();
        }
        List<BenchStep> selected = STEPS.stream().filter(s -> s.option() == null || o.runs(s.option())).toList();
        for (int i = 0; i < selected.size() && !stopping; i++) {
            BenchStep step = selected.get(i);
            if (!step.applies(run)) continue;
            if (!step.usesServer()) run.stopServer();
            String title = step.title(run);
            String at = "step " + (i + 1) + " of " + selected.size() + " (" + title + ")";
            current = at;
            int before = run.table().size();
            run.say("== " + title);
            try {
                step.run(run);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.table().failed(title, step.target(), "interrupted");
            } catch (Exception | Error e) {
                run.table().failed(title, step.target(), e.toString());
            }
            ResultTable added = run.table().slice(before, run.table().size());
            if (stopping) break;
            if (!added.isEmpty()) System.out.print(added.markdown());
            results.write(report(run.table(), "> **Partial results**, written after " + at + "; the run was still going. "
                    + "A run that finishes replaces this file.\n\n"));
        }
        run.stopServer();
        return finish();
    }

    /**
     * The shutdown hook: the benchmark is being stopped from outside. Ends the processes it started (a 1,840-day
     * build would go on orphaned) and writes the rows measured until the signal, saying where it stopped; rows the
     * killed processes' steps add after that are left out, and no later write replaces this one.
     */
    private void stoppedFromOutside() {
        int rows = run.table().size();
        stopping = true;
        ProcessProbe.refuseNew("the benchmark is being stopped");
        ProcessProbe.stopAll(java.time.Duration.ofSeconds(10));
        String report = report(run.table().slice(0, rows), String.format(Locale.ROOT,
                "> **Stopped from outside** (a signal) after %s, during %s: every row measured until then is here; "
                        + "the steps after it did not run.%n%n", Fmt.seconds(run.seconds()), current));
        System.out.println();
        System.out.println(report);
        results.writeLast(report);
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
        String report = report(run.table(), "");
        if (stopping) return report; // the shutdown hook prints and writes the results
        System.out.println();
        System.out.println(report);
        results.write(report);
        return report;
    }

    /** The results file: how it was made, the machine, {@code table}; {@code status} (if any) above them. */
    String report(ResultTable table, String status) {
        BenchOptions o = run.options();
        KgLauncher kg = run.kg();
        StringBuilder sb = new StringBuilder();
        sb.append("# digest-kg benchmark results\n\n");
        sb.append(status);
        sb.append("Reproduce: `bench/run").append(o.quick() ? " --quick" : "")
                .append(" --days ").append(String.join(",", o.days().stream().map(String::valueOf).toList()))
                .append(" --repeat ").append(o.repeat())
                .append(o.steps().equals(BenchOptions.STEPS) ? "" : " --steps " + String.join(",", new TreeSet<>(o.steps())))
                .append("`. ")
                .append("Every figure is a real subprocess (`java ").append(String.join(" ", kg.javaOpts()))
                .append(kg.archived() ? " -XX:SharedArchiveFile=kg.jsa" : "")
                .append(" -jar cli/target/kg.jar …`, with what the `kg` launcher adds for the command, as it runs it; Jena's `tdb2.tdbloader` with `")
                .append(String.join(" ", kg.tdbloaderOpts()))
                .append("`), timed from start to exit, JVM start included. ")
                .append(MEMORY_NOTE)
                .append(" Medians of ").append(o.repeat())
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

    /** What the memory figures count (see {@link MemoryPeaks} and {@link ProcessMemory}). */
    static final String MEMORY_NOTE = String.format(Locale.ROOT, "Memory, the largest seen over the process and "
            + "its children: **private** = anonymous resident memory + swap (heap, stacks, malloc: what the process "
            + "holds), **mapped** = file-backed resident memory (the store's memory-mapped files, the jar, libraries: "
            + "pages the kernel can drop and read again), both from `/proc/<pid>/smaps_rollup` (every %d ms or less "
            + "often, at most %d%% of a core) and `/proc/<pid>/status` (every %d ms); **RSS** = both, its peak the "
            + "kernel's `VmHWM`. The three peaks may come from different moments.",
            ProcessMemory.SMAPS_EVERY.toMillis(), Math.round(ProcessMemory.SMAPS_SHARE * 100), ProcessProbe.POLL.toMillis());

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
        machine.put("kernel", Disk.read(Path.of("/proc/sys/kernel/osrelease")).trim() + "; memory read from "
                + (Files.isReadable(Path.of("/proc/self/smaps_rollup")) ? "smaps_rollup and status"
                : "status only (no smaps_rollup)"));
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
