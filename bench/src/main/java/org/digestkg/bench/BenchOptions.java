package org.digestkg.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.digestkg.bench.steps.MemoryRows;

/** The benchmark's command line: the options are listed in {@link #HELP}, which {@code bench/run --help} prints. */
public record BenchOptions(List<Integer> days, Path work, int repeat, boolean quick, boolean tdbloaderLarge,
                           Duration timeout, Duration queryTimeout, int queryRuns, int warmup, long seed, Path root,
                           Set<String> steps, long minFreeGb) {

    /** The names of the steps ({@link Benchmark#STEPS}). */
    public static final Set<String> STEPS = Set.copyOf(Benchmark.stepOptions());

    public static final String USAGE = """
            usage: bench/run [--days 184,1840] [--work DIR] [--repeat N] [--quick] [--no-tdbloader-1840]
                             [--timeout MIN] [--min-free-gb G] [--query-timeout SEC] [--query-runs N] [--warmup N] [--seed S] [--root DIR]
                             [--steps %s]""".formatted(String.join(",", Benchmark.stepOptions()));

    /** What {@code --help} prints: the usage, each option, and what the table's memory figures are. */
    public static final String HELP = USAGE + """


            Times real subprocesses of the kg command line against Jena's tdb2.tdbloader and prints a table
            (measure | value | target | met?), written to WORK/results.md, and to bench/results.md unless --quick.

              --days 184,1840       corpus sizes in days; the smallest gets every step, larger ones build (and tdbloader)
              --work DIR            corpora, stores, exports and logs (default bench/work)
              --repeat N            runs of each timed step on the smallest corpus; the median is reported (default 3)
              --quick               smoke test: 30 days, 1 repeat, 1 warm-up and 3 timed queries, 6 searches
              --no-tdbloader-1840   skip tdb2.tdbloader on corpora larger than the smallest
              --timeout MIN         limit of any one process (default 30)
              --min-free-gb G       stop a process when the work folder's disk has less than G GiB free (default 10)
              --query-timeout SEC   the server's limit per SPARQL query (kg serve --timeout; default 120)
              --query-runs N        timed runs per query after the warm-up runs (default 10)
              --warmup N            warm-up runs per query (default 3)
              --seed S              corpus seed (default 42)
              --root DIR            the digest-kg checkout (default: the working directory)
              --steps a,b,...       only these steps (default all); without build, the smallest store an earlier
                                    run left (WORK/stores/sN) is reused

            Memory rows (builds, add a day, tdbloader, the server), the largest seen over the process and its children:
              private   anonymous resident memory + swap: heap, stacks, malloc — what the process itself holds
                        (smaps_rollup Anonymous + Swap; status RssAnon + VmSwap). Target: <= %s MiB for the
                        smallest build, and flat for larger ones: <= %sx the smallest build's.
              mapped    file-backed resident memory: the store's memory-mapped files, the jar, libraries — pages the
                        kernel can drop and read again (smaps_rollup Rss - Anonymous; status RssFile + RssShmem)
              RSS       both together; its peak is the kernel's VmHWM. Target: <= %s MiB for the smallest build;
                        for larger ones a ratio without a target, since the mapped pages grow with the store.
            smaps_rollup is read every %d ms or less often (at most %d%% of a core), status every %d ms.

            The results file is rewritten after every step (marked partial until the run ends), so a run that fails
            or is stopped midway keeps every row measured so far; stopped with SIGTERM or Ctrl-C, the benchmark ends
            the processes it started and writes where it stopped.""".formatted(
            Fmt.decimal(MemoryRows.PRIVATE_LIMIT_MIB), Fmt.decimal(MemoryRows.FLAT_RATIO),
            Fmt.decimal(MemoryRows.RSS_LIMIT_MIB),
            ProcessMemory.SMAPS_EVERY.toMillis(), Math.round(ProcessMemory.SMAPS_SHARE * 100), ProcessProbe.POLL.toMillis());

    public BenchOptions {
        days = List.copyOf(days);
        steps = Set.copyOf(steps);
    }

    public boolean runs(String step) {
        return steps.contains(step);
    }

    /** The corpus every step runs on. */
    public int smallest() {
        return days.get(0);
    }

    public static BenchOptions parse(String... args) {
        List<Integer> days = null;
        Path work = null;
        Integer repeat = null;
        boolean quick = false;
        boolean tdbloaderLarge = true;
        long timeoutMin = 30;
        long queryTimeoutSec = 120;
        long minFreeGb = 10;
        Integer queryRuns = null;
        Integer warmup = null;
        long seed = CorpusGenerator.DEFAULT_SEED;
        Path root = null;
        Set<String> steps = STEPS;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--quick" -> quick = true;
                case "--no-tdbloader-1840", "--no-tdbloader-large" -> tdbloaderLarge = false;
                case "-h", "--help" -> throw new IllegalArgumentException(HELP);
                default -> {
                    String value = value(args, i++, flag);
                    switch (flag) {
                        case "--days" -> days = daysList(value);
                        case "--work" -> work = Path.of(value);
                        case "--repeat" -> repeat = positive(flag, value);
                        case "--timeout" -> timeoutMin = positive(flag, value);
                        case "--query-timeout" -> queryTimeoutSec = positive(flag, value);
                        case "--min-free-gb" -> minFreeGb = nonNegative(flag, value);
                        case "--query-runs" -> queryRuns = positive(flag, value);
                        case "--warmup" -> warmup = nonNegative(flag, value);
                        case "--seed" -> seed = number(flag, value);
                        case "--root" -> root = Path.of(value);
                        case "--steps" -> steps = steps(value);
                        default -> throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
                    }
                }
            }
        }
        if (days == null) days = quick ? List.of(30) : List.of(184, 1840);
        if (repeat == null) repeat = quick ? 1 : 3;
        if (queryRuns == null) queryRuns = quick ? 3 : 10;
        if (warmup == null) warmup = quick ? 1 : 3;
        if (root == null) root = Path.of("").toAbsolutePath();
        if (work == null) work = root.resolve("bench/work");
        return new BenchOptions(days, work.toAbsolutePath(), repeat, quick, tdbloaderLarge,
                Duration.ofMinutes(timeoutMin), Duration.ofSeconds(queryTimeoutSec), queryRuns, warmup, seed, root.toAbsolutePath(), steps, minFreeGb);
    }

    private static String value(String[] args, int i, String flag) {
        if (i + 1 >= args.length) throw new IllegalArgumentException("missing value after " + flag);
        return args[i + 1];
    }

    private static List<Integer> daysList(String value) {
        TreeSet<Integer> set = new TreeSet<>();
        for (String part : value.split(",")) {
            if (part.isBlank()) continue;
            int d = positive("--days", part.strip());
            set.add(d);
        }
        if (set.isEmpty()) throw new IllegalArgumentException("--days needs at least one number");
        return new ArrayList<>(set);
    }

    private static Set<String> steps(String value) {
        Set<String> out = new TreeSet<>();
        for (String part : value.split(",")) {
            String st = part.strip();
            if (st.isEmpty()) continue;
            if (!STEPS.contains(st)) throw new IllegalArgumentException("unknown step " + st + "; steps are " + new TreeSet<>(STEPS));
            out.add(st);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("--steps needs at least one step");
        return out;
    }

    private static int positive(String flag, String value) {
        long n = number(flag, value);
        if (n < 1 || n > Integer.MAX_VALUE) throw new IllegalArgumentException(flag + " must be at least 1: " + value);
        return (int) n;
    }

    private static int nonNegative(String flag, String value) {
        long n = number(flag, value);
        if (n < 0 || n > Integer.MAX_VALUE) throw new IllegalArgumentException(flag + " must not be negative: " + value);
        return (int) n;
    }

    private static long number(String flag, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad value for " + flag + ": " + value);
        }
    }
}
