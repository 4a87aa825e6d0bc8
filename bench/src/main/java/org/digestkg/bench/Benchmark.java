package org.digestkg.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.digestkg.bench.ResultTable.Met;

/**
 * The digest-kg benchmark: generates corpora, then times real subprocesses of the command line
 * ({@code java -jar cli/target/kg.jar …}, with the JVM options of the {@code kg} launcher) and of Jena's own
 * {@code tdb2.tdbloader}, watching their peak RSS from {@code /proc}, and queries a running {@code kg serve}
 * over HTTP. Prints a markdown table (measure | value | target | met?) and writes it to {@code results.md}.
 *
 * <p>Every step has a time limit; a step that fails becomes a FAILED row and the run goes on.
 * Run it with {@code bench/run}; see {@link BenchOptions} for the options.
 */
public final class Benchmark {

    static final double MIB_PER_GB_TARGET = 1024; // the 1 GB target, read as 1 GiB
    private static final Pattern SUMMARY = Pattern.compile(
            "([\\d,]+) digests loaded, ([\\d,]+) unchanged, ([\\d,]+) failed: ([\\d,]+) papers, ([\\d,]+) authors, "
                    + "([\\d,]+) triples, ([\\d,]+) warnings, ([\\d,]+) rejected entries, ([\\d.]+) s");
    private static final Pattern LOADED_LINE = Pattern.compile("^loaded .*, ([\\d.]+) s$", Pattern.MULTILINE);
    private static final Pattern WRITTEN = Pattern.compile("([\\d,]+) (?:quads|triples) written to .* in ([\\d.]+) s");
    private static final Pattern PARSE_ONLY = Pattern.compile("files=(\\d+) papers=(\\d+) quads=(\\d+) seconds=([\\d.]+)");

    private final BenchOptions o;
    private final ResultTable table = new ResultTable();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> machine = new LinkedHashMap<>();
    private Path kgJar;
    private final List<String> javaOpts;
    private final List<String> tdbloaderOpts;
    private final List<String> cdsOpts = new ArrayList<>();
    private final String java;
    private final Path logs;
    private long runStart;

    // figures later steps compare against
    private double build184Seconds = Double.NaN;
    private double build184Mib = Double.NaN;
    private final Map<Integer, Double> buildSeconds = new LinkedHashMap<>();
    private final Map<Integer, List<Double>> perDigest = new LinkedHashMap<>();

    public Benchmark(BenchOptions options) {
        this.o = options;
        this.kgJar = options.root().resolve("cli/target/kg.jar");
        this.javaOpts = kgJavaOpts(System.getenv("KG_JAVA_OPTS"), launcherDefaultOpts(read(options.root().resolve("kg"))));
        this.tdbloaderOpts = kgJavaOpts(System.getenv("TDBLOADER_JAVA_OPTS"), DEFAULT_TDBLOADER_OPTS);
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.logs = options.work().resolve("logs");
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
        Benchmark b = new Benchmark(options);
        b.run();
        System.exit(0);
    }

    /** What the {@code kg} launcher falls back to when it cannot be read. */
    static final String DEFAULT_KG_OPTS = "-XX:+UseParallelGC -Xmx1g";
    /** tdb2.tdbloader runs as Jena ships it, with the JVM's default heap; {@code $TDBLOADER_JAVA_OPTS} overrides. */
    static final String DEFAULT_TDBLOADER_OPTS = "-XX:+UseParallelGC";
    private static final Pattern LAUNCHER_OPTS = Pattern.compile("\\$\\{KG_JAVA_OPTS:-([^}]*)}");

    /** The options {@code env} says (a {@code KG_JAVA_OPTS}-like variable), or {@code dflt} when it is unset or empty. */
    static List<String> kgJavaOpts(String env, String dflt) {
        String v = env == null || env.isBlank() ? dflt : env;
        return List.of(v.trim().split("\\s+"));
    }

    /** The default JVM options written in the {@code kg} launcher ({@code ${KG_JAVA_OPTS:-…}}), so the two never drift. */
    static String launcherDefaultOpts(String launcherText) {
        Matcher m = LAUNCHER_OPTS.matcher(launcherText);
        return m.find() ? m.group(1).trim() : DEFAULT_KG_OPTS;
    }

    public ResultTable table() {
        return table;
    }

    /** Runs every step and writes the results; returns the report's markdown. */
    public String run() {
        runStart = System.nanoTime();
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        say("digest-kg benchmark: days " + o.days() + ", repeat " + o.repeat() + ", work " + o.work());
        machineInfo();
        if (!Files.isRegularFile(kgJar)) {
            table.failed("kg.jar", "", kgJar + " is missing: run ./kg --version from the repository root first");
            return finish();
        }
        // runs use a copy: others may rebuild cli/target while the benchmark runs
        Path snapshot = step("snapshot kg.jar", "", this::snapshotKg);
        if (snapshot == null) return finish();
        kgJar = snapshot;
        Map<Integer, Path> corpora = step("generate corpora", "", this::corpora);
        if (corpora == null) return finish();
        int small = o.smallest();
        Path smallCorpus = corpora.get(small);
        Path extraDay = corpora.get(-1);
        Path store = o.work().resolve("stores/s" + small);

        if (o.runs("parse")) doStep("parse only, " + small + " days", "", () -> parseOnly(smallCorpus, small));
        boolean built;
        if (o.runs("build")) {
            built = Boolean.TRUE.equals(step("build " + small + " days", "", () -> buildSmall(smallCorpus, store, small)));
        } else {
            built = Files.isDirectory(store);
            if (built) table.add("store " + small + " days", "reused from an earlier run: " + store);
            else table.failed("store " + small + " days", "", "no store at " + store + ": run the build step first");
        }
        if (built) {
            if (o.runs("tdbloader")) doStep("tdb2.tdbloader " + small + " days", "", () -> tdbloader(store, small, o.repeat()));
            if (o.runs("add")) doStep("add one day", "< 2 s", () -> addOneDay(store, extraDay));
            if (o.runs("export")) doStep("export nt", "≥ 500,000 triples/s", () -> exportNt(store, small));
            if (o.runs("serve")) doStep("serve and query", "", () -> serveAndQuery(store, small));
        }
        for (int n : o.days()) {
            if (n == small || !o.runs("large")) continue;
            Path s = o.work().resolve("stores/s" + n);
            boolean ok = Boolean.TRUE.equals(step("build " + n + " days", "", () -> buildLarge(corpora.get(n), s, n)));
            if (ok && o.tdbloaderLarge()) {
                doStep("tdb2.tdbloader " + n + " days", "", () -> tdbloader(s, n, 1));
            } else if (ok) {
                table.add("tdb2.tdbloader " + n + " days", "skipped (--no-tdbloader-1840)");
            }
            deleteQuietly(s); // large stores are not kept: rerun bench/run to get them again
        }
        perDigestTrend();
        return finish();
    }

    // ---------------------------------------------------------------- steps

    /** Copies cli/target/kg.jar and its lib/ into the work folder; returns the copy of the jar. */
    private Path snapshotKg() throws IOException {
        Path dir = o.work().resolve("kg");
        deleteQuietly(dir);
        Files.createDirectories(dir.resolve("lib"));
        Path src = kgJar.getParent();
        Files.copy(kgJar, dir.resolve("kg.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        try (Stream<Path> s = Files.list(src.resolve("lib"))) {
            for (Path p : s.toList()) Files.copy(p, dir.resolve("lib").resolve(p.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        machine.put("kg.jar", kgJar + " of " + Files.getLastModifiedTime(kgJar).toString().substring(0, 19)
                + " (run from a copy in " + dir + ")");
        classDataArchive(dir.resolve("kg.jar"));
        return dir.resolve("kg.jar");
    }

    /**
     * As the {@code kg} launcher does when it has a class-data archive step: makes a dynamic CDS archive of the
     * classes a small build uses (for the copied jar: an archive is bound to its jar's path), and runs every kg
     * command with it.
     */
    private void classDataArchive(Path jar) throws IOException {
        String launcher = read(o.root().resolve("kg"));
        Path sample = o.root().resolve("data/2026-02-04.md");
        if (!launcher.contains("SharedArchiveFile") || !Files.isRegularFile(sample)) {
            machine.put("class-data archive", "none (the kg launcher makes none)");
            return;
        }
        Path jsa = jar.resolveSibling("kg.jsa");
        Path tmpStore = o.work().resolve("cds-store");
        deleteQuietly(tmpStore);
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:ArchiveClassesAtExit=" + jsa));
        cmd.addAll(javaOpts);
        cmd.addAll(List.of("-jar", jar.toString(), "build", "-q", "--store", tmpStore.toString(), sample.toString()));
        ProcessProbe.Result r = ProcessProbe.run(cmd, o.root(), logs.resolve("cds-archive.log"), Duration.ofMinutes(5));
        deleteQuietly(tmpStore);
        if (r.ok() && Files.isRegularFile(jsa)) {
            cdsOpts.addAll(List.of("-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            machine.put("class-data archive", "yes, as the kg launcher: made in " + Fmt.seconds(r.seconds())
                    + " by a build of data/2026-02-04.md, used by every kg command");
        } else {
            machine.put("class-data archive", "could not be made (" + r.failure() + "): kg runs without one");
        }
    }

    /** Generates {@code max(days) + 1} days once, then links the first N files into one folder per size. */
    private Map<Integer, Path> corpora() throws IOException {
        int max = o.days().get(o.days().size() - 1);
        int needed = max + 1;
        Path all = o.work().resolve("corpus/all-seed" + o.seed());
        Path marker = all.resolve(".generated");
        int have = 0;
        if (Files.exists(marker)) {
            try {
                have = Integer.parseInt(Files.readString(marker).trim());
            } catch (NumberFormatException e) {
                have = 0;
            }
        }
        if (have < needed) {
            say("generating " + needed + " days of digests into " + all);
            long t0 = System.nanoTime();
            deleteQuietly(all);
            CorpusStats stats = new CorpusGenerator(o.seed()).generate(all, CorpusGenerator.DEFAULT_START, needed);
            Files.writeString(marker, Integer.toString(needed));
            say(String.format(Locale.ROOT, "generated in %.1f s: %s", (System.nanoTime() - t0) / 1e9, stats));
        } else {
            say("reusing the corpus in " + all + " (" + have + " days)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(all)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
        Map<Integer, Path> out = new LinkedHashMap<>();
        for (int n : o.days()) {
            Path dir = o.work().resolve("corpus/d" + n);
            deleteQuietly(dir);
            Files.createDirectories(dir);
            long bytes = 0;
            for (Path f : files.subList(0, n)) {
                link(f, dir.resolve(f.getFileName()));
                bytes += Files.size(f);
            }
            out.put(n, dir);
            table.add("corpus " + n + " days", String.format(Locale.ROOT, "%d digests, %.1f MB of markdown", n, bytes / 1e6));
        }
        Path extraDir = o.work().resolve("corpus/extra");
        deleteQuietly(extraDir);
        Files.createDirectories(extraDir);
        Path day = files.get(o.smallest());
        Path extra = extraDir.resolve(day.getFileName());
        Files.copy(day, extra, StandardCopyOption.REPLACE_EXISTING);
        out.put(-1, extra);
        return out;
    }

    private void parseOnly(Path corpus, int n) throws IOException {
        String cp = ownJar() + ":" + kgJar.resolveSibling("lib") + "/*";
        for (String mode : List.of("parse", "map")) {
            List<Double> times = new ArrayList<>();
            ProcessProbe.Result last = null;
            String counts = "";
            for (int r = 0; r < o.repeat(); r++) {
                List<String> cmd = new ArrayList<>(List.of(java));
                cmd.addAll(javaOpts);
                cmd.addAll(List.of("-cp", cp, ParseOnly.class.getName(), mode, corpus.toString()));
                last = run(cmd, "parse-only-" + mode + "-" + n + "-" + r);
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
                table.failed(what + n + " days", "", last == null ? "not run" : last.failure());
                continue;
            }
            table.add(what + n + " days", Fmt.seconds(Fmt.median(times)) + ", peak " + Fmt.mib(last.peakMiB())
                    + " (" + counts + ")" + runsNote(times));
        }
    }

    private boolean buildSmall(Path corpus, Path store, int n) throws IOException {
        List<Double> times = new ArrayList<>();
        List<Double> peaks = new ArrayList<>();
        String split = "";
        Matcher summary = null;
        for (int r = 0; r < o.repeat(); r++) {
            deleteQuietly(store);
            ProcessProbe.Result res = run(kg("build", "--store", store.toString(), corpus.toString()), "build-" + n + "-" + r);
            Matcher m = SUMMARY.matcher(res.output());
            if (res.timedOut() || !m.find() || !m.group(3).equals("0")) {
                table.failed("build " + n + " days", "≤ 1.0× tdbloader; ≤ 1,024 MiB", res.failure().isEmpty()
                        ? "no summary or failed digests: " + Fmt.tail(res.output(), 3) : res.failure());
                return false;
            }
            summary = m;
            times.add(res.seconds());
            peaks.add(res.peakHwmKb() / 1024.0);
            split = split(res);
            perDigest.put(n, loadedTimes(res.output()));
            if (res.exitCode() != 0) notes.add("build " + n + " exited with " + res.exitCode() + " (rejected entries)");
        }
        build184Seconds = Fmt.median(times);
        buildSeconds.put(n, build184Seconds);
        build184Mib = Fmt.median(peaks);
        table.add("graph " + n + " days", summary.group(4) + " papers, " + summary.group(5) + " authors, "
                + summary.group(6) + " quads (build summary)");
        table.add("build " + n + " days: wall time, whole command", Fmt.seconds(build184Seconds)
                + " (build's own clock " + summary.group(9) + " s)" + runsNote(times));
        table.add("build " + n + " days: peak RSS (VmHWM)", Fmt.mib(build184Mib) + " (" + split + ")"
                        + runsNote(peaks, Fmt::mib),
                "≤ 1 GB (1,024 MiB)", Met.of(build184Mib <= MIB_PER_GB_TARGET));
        table.add("store on disk, " + n + " days", duMiB(store));
        return true;
    }

    private boolean buildLarge(Path corpus, Path store, int n) throws IOException {
        deleteQuietly(store);
        ProcessProbe.Result res = run(kg("build", "--store", store.toString(), corpus.toString()), "build-" + n);
        Matcher m = SUMMARY.matcher(res.output());
        double scale = n / (double) o.smallest();
        String timeTarget = String.format(Locale.ROOT, "≤ %.0f× build %d (%s)", 11 * scale / 10, o.smallest(),
                Fmt.seconds(11 * scale / 10 * build184Seconds));
        if (!res.ok() || !m.find() || !m.group(3).equals("0")) {
            List<Double> lt = loadedTimes(res.output());
            perDigest.put(n, lt);
            String why = res.stopped() != null ? "stopped: " + res.stopped()
                    : res.timedOut() ? "timed out (--timeout " + o.timeout().toMinutes() + " min)"
                    : res.exitCode() != 0 ? "exit code " + res.exitCode() + " — " + Fmt.tail(res.output(), 1)
                    : "no summary or failed digests — " + Fmt.tail(res.output(), 1);
            double pace = res.seconds() / Math.max(1, lt.size());
            table.add("build " + n + " days: NOT FINISHED", String.format(Locale.ROOT,
                            "%s; %d of %d digests loaded in %s (%.2f s per digest: %s for %d if it did not slow down), "
                                    + "store %s on disk by then", why, lt.size(), n, Fmt.seconds(res.seconds()), pace,
                            Fmt.seconds(pace * n), n, duMiB(store)), timeTarget,
                    lt.size() == 0 ? Met.FAILED : Met.NO);
            table.add("build " + n + " days: peak RSS (VmHWM) when stopped", Fmt.mib(res.peakMiB()) + " = "
                            + Fmt.ratio(res.peakMiB() / build184Mib) + " build " + o.smallest() + " (" + split(res) + ")",
                    String.format(Locale.ROOT, "≤ 1.25× build %d (%s)", o.smallest(), Fmt.mib(1.25 * build184Mib)),
                    Double.isNaN(build184Mib) ? Met.NONE : Met.of(res.peakMiB() / build184Mib <= 1.25));
            return false;
        }
        perDigest.put(n, loadedTimes(res.output()));
        double t = res.seconds();
        buildSeconds.put(n, t);
        double mib = res.peakHwmKb() / 1024.0;
        table.add("graph " + n + " days", m.group(4) + " papers, " + m.group(5) + " authors, " + m.group(6)
                + " quads (build summary)");
        double ratio = t / build184Seconds;
        table.add("build " + n + " days: wall time, whole command", Fmt.seconds(t) + " = " + Fmt.ratio(ratio)
                + " build " + o.smallest() + " (build's own clock " + m.group(9) + " s)", timeTarget,
                Double.isNaN(ratio) ? Met.NONE : Met.of(ratio <= 11 * scale / 10));
        double rr = mib / build184Mib;
        table.add("build " + n + " days: peak RSS (VmHWM)", Fmt.mib(mib) + " = " + Fmt.ratio(rr) + " build "
                        + o.smallest() + " (" + split(res) + ")",
                String.format(Locale.ROOT, "≤ 1.25× build %d (%s)", o.smallest(), Fmt.mib(1.25 * build184Mib)),
                Double.isNaN(rr) ? Met.NONE : Met.of(rr <= 1.25));
        table.add("store on disk, " + n + " days", duMiB(store));
        return true;
    }

    private void tdbloader(Path store, int n, int repeat) throws IOException {
        Path nq = o.work().resolve("export/d" + n + ".nq");
        Files.createDirectories(nq.getParent());
        ProcessProbe.Result ex = run(kg("export", "--store", store.toString(), "--format", "nq", "--out", nq.toString()),
                "export-nq-" + n);
        if (!ex.ok()) {
            table.failed("export " + n + " days to N-Quads", "", ex.failure());
            return;
        }
        long quads = countLines(nq);
        table.add("export " + n + " days to N-Quads (input of tdbloader)", Fmt.seconds(ex.seconds()) + ", "
                + Fmt.count(quads) + " quads, " + String.format(Locale.ROOT, "%.0f MB", size(nq) / 1e6));
        Path loc = o.work().resolve("tdbloader/d" + n);
        List<Double> times = new ArrayList<>();
        List<Double> peaks = new ArrayList<>();
        String split = "";
        try {
            for (int r = 0; r < repeat; r++) {
                deleteQuietly(loc);
                List<String> cmd = new ArrayList<>(List.of(java));
                cmd.addAll(tdbloaderOpts);
                cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "tdb2.tdbloader", "--loc",
                        loc.toString(), nq.toString()));
                ProcessProbe.Result res = run(cmd, "tdbloader-" + n + "-" + r);
                if (!res.ok()) {
                    table.failed("tdb2.tdbloader " + n + " days", "", res.failure());
                    return;
                }
                times.add(res.seconds());
                peaks.add(res.peakHwmKb() / 1024.0);
                split = split(res);
            }
            table.add("tdb2.tdbloader --loc L " + n + "-days.nq: wall time", Fmt.seconds(Fmt.median(times))
                    + runsNote(times));
            table.add("tdb2.tdbloader " + n + " days: peak RSS (VmHWM)", Fmt.mib(Fmt.median(peaks)) + " (" + split + ")"
                    + runsNote(peaks, Fmt::mib));
            table.add("tdb2.tdbloader store on disk, " + n + " days", duMiB(loc));
        } finally {
            deleteQuietly(loc);
            deleteQuietly(nq);
        }
        double tl = Fmt.median(times);
        double built = buildSeconds.getOrDefault(n, Double.NaN);
        double ratio = built / tl;
        table.add("ratio build / tdbloader, " + n + " days", Fmt.ratio(ratio) + " (" + Fmt.seconds(built) + " / "
                + Fmt.seconds(tl) + ")", "≤ 1.0×", Double.isNaN(ratio) ? Met.NONE : Met.of(ratio <= 1.0));
        if (n == o.smallest()) {
            table.add("ratio peak RSS build / tdbloader, " + n + " days", Fmt.ratio(build184Mib / Fmt.median(peaks)));
        }
    }

    private void addOneDay(Path store, Path day) throws IOException {
        String date = day.getFileName().toString().replace(".md", "");
        List<Double> add = new ArrayList<>();
        List<Double> readd = new ArrayList<>();
        List<Double> remove = new ArrayList<>();
        String addLine = "";
        boolean unchangedSaid = true;
        for (int r = 0; r < o.repeat(); r++) {
            ProcessProbe.Result a = run(kg("build", "--store", store.toString(), day.toString()), "add-day-" + r);
            Matcher m = SUMMARY.matcher(a.output());
            if (!a.ok() || !m.find() || !m.group(1).equals("1")) {
                table.failed("add one new day (" + date + ") to the " + o.smallest() + "-day store", "< 2 s",
                        a.failure().isEmpty() ? "not loaded: " + Fmt.tail(a.output(), 2) : a.failure());
                return;
            }
            add.add(a.seconds());
            addLine = m.group(4) + " papers, " + m.group(6) + " quads, build's own clock " + m.group(9) + " s";
            ProcessProbe.Result b = run(kg("build", "--store", store.toString(), day.toString()), "readd-day-" + r);
            Matcher mb = SUMMARY.matcher(b.output());
            if (!b.ok() || !mb.find()) {
                table.failed("re-add the same day", "< 2 s, unchanged", b.failure().isEmpty()
                        ? Fmt.tail(b.output(), 2) : b.failure());
                return;
            }
            unchangedSaid &= mb.group(1).equals("0") && mb.group(2).equals("1") && b.output().contains("unchanged");
            readd.add(b.seconds());
            ProcessProbe.Result c = run(kg("remove", "--store", store.toString(), date), "remove-day-" + r);
            if (!c.ok()) {
                table.failed("remove the day again (restores the " + o.smallest() + "-day store)", "", c.failure());
                return;
            }
            remove.add(c.seconds());
        }
        double ta = Fmt.median(add);
        double tb = Fmt.median(readd);
        table.add("add one new day (" + date + ") to the " + o.smallest() + "-day store: whole kg build command",
                Fmt.seconds(ta) + " (" + addLine + ")" + runsNote(add), "< 2 s", Met.of(ta < 2));
        table.add("re-add the same day: whole command", Fmt.seconds(tb) + (unchangedSaid ? ", says unchanged"
                        : ", did NOT say unchanged") + runsNote(readd), "< 2 s, unchanged",
                Met.of(tb < 2 && unchangedSaid));
        table.add("kg remove of that day (restores the " + o.smallest() + "-day store)", Fmt.seconds(Fmt.median(remove))
                + runsNote(remove));
    }

    private void exportNt(Path store, int n) throws IOException {
        Path nt = o.work().resolve("export/d" + n + ".nt");
        Files.createDirectories(nt.getParent());
        List<Double> rates = new ArrayList<>();
        List<Double> ownRates = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        long triples = 0;
        try {
            for (int r = 0; r < o.repeat(); r++) {
                Files.deleteIfExists(nt);
                ProcessProbe.Result res = run(kg("export", "--store", store.toString(), "--format", "nt", "--out",
                        nt.toString()), "export-nt-" + n + "-" + r);
                if (!res.ok()) {
                    table.failed("kg export --format nt, " + n + " days", "≥ 500,000 triples/s", res.failure());
                    return;
                }
                triples = countLines(nt);
                times.add(res.seconds());
                rates.add(triples / res.seconds());
                Matcher m = WRITTEN.matcher(res.output());
                if (m.find()) ownRates.add(triples / Double.parseDouble(m.group(2)));
            }
        } finally {
            Files.deleteIfExists(nt);
        }
        double rate = Fmt.median(rates);
        table.add("kg export --format nt, " + n + " days: triples/s, whole command", Fmt.rate(rate) + " ("
                        + Fmt.count(triples) + " triples in " + Fmt.seconds(Fmt.median(times)) + "; exporter's own clock: "
                        + Fmt.rate(Fmt.median(ownRates)) + "/s)" + runsNote(times),
                "≥ 500,000 triples/s", Met.of(rate >= 500_000));
    }

    private void serveAndQuery(Path store, int n) throws IOException, InterruptedException {
        List<Double> starts = new ArrayList<>();
        for (int r = 0; r < o.repeat(); r++) {
            boolean last = r == o.repeat() - 1;
            int port = freePort();
            List<String> cmd = kg("serve", "--store", store.toString(), "--port", Integer.toString(port),
                    "--timeout", Long.toString(o.queryTimeout().toSeconds()));
            Path log = logs.resolve("serve-" + n + "-" + r + ".log");
            ProcessProbe.Watched w = ProcessProbe.startWatched(cmd, o.root(), log);
            try {
                SparqlHttp http = new SparqlHttp("http://127.0.0.1:" + port + "/kg/sparql");
                double first = firstAnswer(w, http, Duration.ofMinutes(2));
                if (Double.isNaN(first)) {
                    table.failed("kg serve on the " + n + "-day store: start to first answer", "≤ 5 s",
                            "no answer within 2 min (alive: " + w.process().isAlive() + ") — " + Fmt.tail(read(log), 3));
                    return;
                }
                starts.add(first);
                if (last) {
                    double s = Fmt.median(starts);
                    table.add("kg serve on the " + n + "-day store: start to first answer", Fmt.seconds(s)
                            + runsNote(starts), "≤ 5 s", Met.of(s <= 5));
                    coauthorIndex(w, log);
                    queries(http);
                    table.add("kg serve: peak RSS (VmHWM) after the queries", Fmt.mib(w.peakHwmKb() / 1024.0)
                            + " (largest seen: anonymous " + Fmt.mib(w.peakAnonKb() / 1024.0) + ", file-backed "
                            + Fmt.mib(w.peakFileKb() / 1024.0) + ")");
                }
            } finally {
                int code = w.stop(Duration.ofSeconds(30));
                say("  server stopped (pid " + w.process().pid() + ", exit " + code + ")");
            }
        }
    }

    private static final Pattern INDEX_READY = Pattern.compile("Co-authorship index ready \\((\\d+) ms\\)");

    /**
     * Waits for the server's co-authorship index (built in the background after start) so the co-authorship
     * queries are timed warm, and reports how long it took to build.
     */
    private void coauthorIndex(ProcessProbe.Watched w, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline && w.process().isAlive()) {
            Matcher m = INDEX_READY.matcher(read(log));
            if (m.find()) {
                table.add("kg serve: co-authorship index built in the background after start",
                        Fmt.seconds(Long.parseLong(m.group(1)) / 1000.0) + " (queries meanwhile answer; "
                                + "co-authorship queries wait for it)");
                return;
            }
            Thread.sleep(ProcessProbe.POLL.toMillis());
        }
        table.failed("kg serve: co-authorship index built in the background after start", "",
                "not ready within 3 min — " + Fmt.tail(read(log), 3));
    }

    /** Seconds from process start to the first 200 answer to {@link BenchQueries#PROBE}; NaN if none came. */
    private double firstAnswer(ProcessProbe.Watched w, SparqlHttp http, Duration limit) throws InterruptedException {
        long deadline = w.startNanos() + limit.toNanos();
        while (System.nanoTime() < deadline && w.process().isAlive()) {
            try {
                SparqlHttp.Answer a = http.query(BenchQueries.PROBE, Duration.ofSeconds(30));
                if (a.ok()) return (System.nanoTime() - w.startNanos()) / 1e9;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(ProcessProbe.POLL.toMillis());
        }
        return Double.NaN;
    }

    private void queries(SparqlHttp http) throws IOException, InterruptedException {
        BenchQueries q = new BenchQueries(o.root().resolve("sparql"));
        SparqlHttp.Answer who = http.query(BenchQueries.MOST_PROLIFIC, o.queryTimeout().plusSeconds(30));
        if (!who.ok() || who.rows().isEmpty()) {
            table.failed("most prolific author", "", "HTTP " + who.status() + ": " + Fmt.tail(who.text(), 2));
            return;
        }
        String author = who.rows().get(0).get("author");
        String papers = who.rows().get(0).get("papers");
        table.add("most prolific author (the queries' subject)", author + ", " + papers + " papers (found in "
                + Fmt.millis(who.millis()) + ", cold)");
        timed("co-authors of the most prolific author (sparql/coauthors.rq)", q.coauthors(author), http, "< 50 ms", 50);
        timed("top-20 author pairs over the whole graph (sparql/top-pairs.rq)", q.topPairs(), http, "< 1 s", 1000);
        timed("2-hop neighbourhood size (sparql/two-hop-size.rq)", q.twoHopSize(author), http, "< 200 ms", 200);
        timed("2-hop neighbourhood rows (sparql/two-hop.rq as is)", q.twoHopRows(author), http, "", Double.NaN);
        timed("papers per category per day (sparql/papers-per-category.rq)", q.papersPerCategory(), http, "< 500 ms", 500);
        // the same questions for an ordinary author, for comparison (no target of their own)
        SparqlHttp.Answer typical = http.query(BenchQueries.TYPICAL_AUTHOR, o.queryTimeout().plusSeconds(30));
        if (!typical.ok() || typical.rows().isEmpty()) {
            table.failed("a typical author", "", "HTTP " + typical.status() + ": " + Fmt.tail(typical.text(), 2));
            return;
        }
        String plain = typical.rows().get(0).get("author");
        table.add("a typical author, for comparison", plain + ", " + typical.rows().get(0).get("coauthors")
                + " co-authors (first author of a first-ranked paper of the last day)");
        timed("co-authors of the typical author", q.coauthors(plain), http, "(< 50 ms)", Double.NaN);
        timed("2-hop neighbourhood size of the typical author", q.twoHopSize(plain), http, "(< 200 ms)", Double.NaN);
    }

    /** Warm-up runs, then timed runs; reports the median in ms and the number of rows. */
    private void timed(String measure, String query, SparqlHttp http, String target, double limitMs)
            throws InterruptedException {
        String m = measure + ", warm, through Fuseki HTTP";
        try {
            int warm = o.warmup();
            int runs = o.queryRuns();
            List<Double> ms = new ArrayList<>();
            SparqlHttp.Answer last = null;
            for (int i = 0; i < warm + runs; i++) {
                last = http.query(query, o.queryTimeout().plusSeconds(30));
                if (!last.ok() && last.status() == 503 && last.millis() >= o.queryTimeout().toMillis()) {
                    // cancelled by kg serve --timeout: a miss, not a broken benchmark
                    table.add(m, "> " + Fmt.seconds(o.queryTimeout().toSeconds()) + ": cancelled by the server's query "
                            + "timeout (HTTP 503 after " + Fmt.millis(last.millis()) + ")", target,
                            Double.isNaN(limitMs) ? Met.NONE : Met.NO);
                    say("  " + measure + ": timed out");
                    return;
                }
                if (!last.ok()) {
                    table.failed(m, target, "HTTP " + last.status() + ": " + Fmt.tail(last.text(), 2));
                    return;
                }
                if (i >= warm) ms.add(last.millis());
                // a query of more than 20 s: three timed runs are enough to know it misses
                if (last.millis() > 20_000 && i < warm) {
                    warm = i + 1;
                    runs = Math.min(runs, 3);
                }
            }
            List<Map<String, String>> rows = last.rows();
            String rowText = rows.size() == 1 && rows.get(0).containsKey("size")
                    ? "size " + rows.get(0).get("size") : Fmt.count(rows.size()) + " rows";
            double median = Fmt.median(ms);
            String value = Fmt.millis(median) + " (" + rowText + "; median of " + ms.size() + " after " + warm
                    + " warm-up; min " + Fmt.millis(ms.stream().min(Double::compare).orElse(Double.NaN)) + ", max "
                    + Fmt.millis(ms.stream().max(Double::compare).orElse(Double.NaN)) + ")";
            table.add(m, value, target, Double.isNaN(limitMs) ? Met.NONE : Met.of(median < limitMs));
            say("  " + measure + ": " + value);
        } catch (IOException | RuntimeException e) {
            table.failed(m, target, e.toString());
        }
    }

    private void perDigestTrend() {
        for (Map.Entry<Integer, List<Double>> e : perDigest.entrySet()) {
            List<Double> t = e.getValue();
            if (t.size() < 20) continue;
            int k = Math.min(o.smallest(), t.size() / 2);
            double first = t.subList(0, k).stream().mapToDouble(Double::doubleValue).sum();
            double lastK = t.subList(t.size() - k, t.size()).stream().mapToDouble(Double::doubleValue).sum();
            double sum = t.stream().mapToDouble(Double::doubleValue).sum();
            table.add("build " + e.getKey() + " days: sum of the per-digest times its lines print",
                    String.format(Locale.ROOT, "sum %s over %d digests; first %d: %s, last %d: %s (%.2f×)",
                            Fmt.seconds(sum), t.size(), k, Fmt.seconds(first), k, Fmt.seconds(lastK), lastK / first));
        }
    }

    // ---------------------------------------------------------------- plumbing

    private List<String> kg(String... args) {
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(cdsOpts);
        cmd.addAll(javaOpts);
        cmd.add("-jar");
        cmd.add(kgJar.toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private ProcessProbe.Result run(List<String> cmd, String name) throws IOException {
        say("  run " + name + ": " + String.join(" ", shorten(cmd)));
        ProcessProbe.Result r = ProcessProbe.run(cmd, o.root(), logs.resolve(name + ".log"), o.timeout(), Map.of(),
                this::diskGuard);
        say(String.format(Locale.ROOT, "    %s, peak RSS %s%s", Fmt.seconds(r.seconds()), Fmt.mib(r.peakMiB()),
                r.ok() ? "" : " — " + r.failure()));
        return r;
    }

    /** Non-null (the reason to stop) when the work folder's disk has less than --min-free-gb left. */
    private String diskGuard() {
        try {
            long free = Files.getFileStore(o.work()).getUsableSpace();
            if (free < o.minFreeGb() * (1L << 30)) {
                return String.format(Locale.ROOT, "free disk below %d GiB (%.1f GiB left)", o.minFreeGb(), free / (double) (1L << 30));
            }
        } catch (IOException e) {
            // cannot tell: go on
        }
        return null;
    }

    private static List<String> shorten(List<String> cmd) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < cmd.size(); i++) {
            if (cmd.get(i).equals("-cp") && i + 1 < cmd.size()) {
                out.add("-cp");
                out.add("<bench classpath>");
                i++;
            } else {
                out.add(cmd.get(i));
            }
        }
        return out;
    }

    @FunctionalInterface
    interface Step<T> {
        T run() throws Exception;
    }

    @FunctionalInterface
    interface VoidStep {
        void run() throws Exception;
    }

    private <T> T step(String name, String target, Step<T> s) {
        say("== " + name);
        try {
            return s.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            table.failed(name, target, "interrupted");
        } catch (Exception | Error e) {
            table.failed(name, target, e.toString());
        }
        return null;
    }

    private void doStep(String name, String target, VoidStep s) {
        step(name, target, () -> {
            s.run();
            return Boolean.TRUE;
        });
    }

    private String finish() {
        String report = report();
        System.out.println();
        System.out.println(report);
        try {
            Files.writeString(o.work().resolve("results.md"), report);
            if (!o.quick()) Files.writeString(o.root().resolve("bench/results.md"), report);
        } catch (IOException e) {
            System.err.println("could not write results.md: " + e);
        }
        return report;
    }

    String report() {
        StringBuilder sb = new StringBuilder();
        sb.append("# digest-kg benchmark results\n\n");
        sb.append("Reproduce: `bench/run").append(o.quick() ? " --quick" : "")
                .append(" --days ").append(String.join(",", o.days().stream().map(String::valueOf).toList()))
                .append(" --repeat ").append(o.repeat())
                .append(o.steps().equals(BenchOptions.STEPS) ? "" : " --steps " + String.join(",", new java.util.TreeSet<>(o.steps())))
                .append("`. ")
                .append("Every figure is a real subprocess (`java ").append(String.join(" ", javaOpts))
                .append(cdsOpts.isEmpty() ? "" : " -XX:SharedArchiveFile=kg.jsa")
                .append(" -jar cli/target/kg.jar …`, as the `kg` launcher runs it; Jena's `tdb2.tdbloader` with `")
                .append(String.join(" ", tdbloaderOpts))
                .append("`), timed from start to exit, JVM start included; peak RSS is the largest `VmHWM` read ")
                .append("from `/proc/<pid>/status` every 20 ms. Medians of ").append(o.repeat())
                .append(" runs where the row says so; queries are warm medians over HTTP.\n\n");
        sb.append("| machine | |\n|---|---|\n");
        machine.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(Fmt.cell(v)).append(" |\n"));
        sb.append("\n");
        sb.append(table.markdown());
        sb.append("\n");
        sb.append(String.format(Locale.ROOT, "Targets met: %d, missed: %d, failed steps: %d. Total benchmark time %s.%n",
                table.count(Met.YES), table.count(Met.NO), table.count(Met.FAILED),
                Fmt.seconds((System.nanoTime() - runStart) / 1e9)));
        if (!notes.isEmpty()) {
            sb.append("\n");
            notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        return sb.toString();
    }

    private void machineInfo() {
        machine.put("date", LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16));
        machine.put("cores (nproc)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        machine.put("CPU", firstMatch(Path.of("/proc/cpuinfo"), "model name").orElse("?"));
        machine.put("RAM", firstMatch(Path.of("/proc/meminfo"), "MemTotal").map(v -> {
            long kb = Long.parseLong(v.replaceAll("[^0-9]", ""));
            return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
        }).orElse("?"));
        machine.put("load average at start", read(Path.of("/proc/loadavg")).trim());
        machine.put("java -version", javaVersion());
        machine.put("JVM options of kg (the launcher's, or $KG_JAVA_OPTS)", String.join(" ", javaOpts));
        machine.put("JVM options of tdb2.tdbloader ($TDBLOADER_JAVA_OPTS)", String.join(" ", tdbloaderOpts));
    }

    private String javaVersion() {
        try {
            Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            p.waitFor();
            return String.join("; ", out.strip().split("\\R"));
        } catch (IOException e) {
            return "? (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static Optional<String> firstMatch(Path file, String key) {
        for (String line : read(file).split("\n")) {
            if (line.startsWith(key)) {
                int c = line.indexOf(':');
                return Optional.of(line.substring(c + 1).trim());
            }
        }
        return Optional.empty();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    private String ownJar() {
        try {
            return Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            return System.getProperty("java.class.path");
        }
    }

    /** The largest anonymous (heap…) and file-backed (mmap'd TDB2 files…) resident sizes seen. */
    private static String split(ProcessProbe.Result r) {
        return "largest seen: anonymous " + Fmt.mib(r.peakAnonKb() / 1024.0) + ", file-backed "
                + Fmt.mib(r.peakFileKb() / 1024.0) + ", VmRSS " + Fmt.mib(r.peakRssKb() / 1024.0);
    }

    private static List<Double> loadedTimes(String output) {
        List<Double> t = new ArrayList<>();
        Matcher m = LOADED_LINE.matcher(output);
        while (m.find()) t.add(Double.parseDouble(m.group(1)));
        return t;
    }

    static String runsNote(List<Double> seconds) {
        return runsNote(seconds, Fmt::seconds);
    }

    static String runsNote(List<Double> values, java.util.function.DoubleFunction<String> fmt) {
        if (values.size() < 2) return "";
        return "; median of " + values.size() + ": " + String.join(", ", values.stream().map(v -> fmt.apply(v)).toList());
    }

    static long countLines(Path file) throws IOException {
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                for (int i = 0; i < r; i++) if (buf[i] == '\n') n++;
            }
        }
        return n;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private String duMiB(Path dir) {
        try {
            Process p = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
            String out;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                out = r.readLine();
            }
            p.waitFor();
            return Fmt.mib(Long.parseLong(out.split("\\s+")[0]) / 1024.0);
        } catch (Exception e) {
            return "?";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private static void link(Path target, Path link) throws IOException {
        try {
            Files.createLink(link, target);
        } catch (FileAlreadyExistsException e) {
            Files.delete(link);
            Files.createLink(link, target);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(target, link, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    // left behind; the next run deletes it again
                }
            });
        } catch (IOException e) {
            // same
        }
    }

    private void say(String line) {
        double t = runStart == 0 ? 0 : (System.nanoTime() - runStart) / 1e9;
        System.out.printf(Locale.ROOT, "[%6.0fs] %s%n", t, line);
        System.out.flush();
    }

}
