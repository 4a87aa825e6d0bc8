package org.digestkg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One run of the benchmark, as the steps see it: the options, the corpora and the store, how to run {@code kg},
 * the results table, the figures earlier steps measured, and the running server.
 */
public final class BenchRun {

    private final BenchOptions options;
    private final KgLauncher kg;
    private final ResultTable table = new ResultTable();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> machine = new LinkedHashMap<>();
    private final Path logs;
    private final long start = System.nanoTime();
    private Corpora corpora;
    private boolean storeReady;
    private final Map<Integer, BuildFigures> builds = new LinkedHashMap<>();
    private final Map<Integer, List<Double>> perDigest = new LinkedHashMap<>();
    private LiveServer server;
    private String serverFailure;

    BenchRun(BenchOptions options) {
        this.options = options;
        this.kg = new KgLauncher(options.root());
        this.logs = options.work().resolve("logs");
    }

    public BenchOptions options() {
        return options;
    }

    public KgLauncher kg() {
        return kg;
    }

    public ResultTable table() {
        return table;
    }

    /** Lines under the table. */
    public void note(String line) {
        notes.add(line);
    }

    List<String> notes() {
        return notes;
    }

    Map<String, String> machine() {
        return machine;
    }

    // ---- what is measured on

    /** The corpus every step runs on. */
    public int smallest() {
        return options.smallest();
    }

    /** The folder of the first {@code days} generated digests. */
    public Path corpus(int days) {
        return corpora.folder(days);
    }

    /** The generated day after the smallest corpus: the one day added to its store. */
    public Path extraDay() {
        return corpora.extraDay();
    }

    void corpora(Corpora corpora) {
        this.corpora = corpora;
    }

    /** Where the store of {@code days} days is built. */
    public Path store(int days) {
        return options.work().resolve("stores/s" + days);
    }

    /** Whether the smallest corpus's store is there to measure on. */
    public boolean storeReady() {
        return storeReady;
    }

    public void storeReady(boolean ready) {
        storeReady = ready;
    }

    /** What the builds of {@code days} days measured, once a build step recorded it. */
    public Optional<BuildFigures> build(int days) {
        return Optional.ofNullable(builds.get(days));
    }

    public void build(int days, BuildFigures figures) {
        builds.put(days, figures);
    }

    /** The load time of each digest of a build of {@code days} days, in order (for the trend over a build). */
    public void perDigest(int days, List<Double> seconds) {
        perDigest.put(days, List.copyOf(seconds));
    }

    public Map<Integer, List<Double>> perDigest() {
        return Map.copyOf(perDigest);
    }

    // ---- processes

    public Path log(String name) {
        return logs.resolve(name + ".log");
    }

    /** Runs {@code cmd} to the end (or the time limit, or a full disk), its output in the log {@code name}. */
    public ProcessProbe.Result run(List<String> cmd, String name) throws IOException {
        say("  run " + name + ": " + String.join(" ", shorten(cmd)));
        ProcessProbe.Result r = ProcessProbe.run(cmd, options.root(), log(name), options.timeout(), Map.of(),
                this::diskGuard);
        say(String.format(Locale.ROOT, "    %s, %s%s", Fmt.seconds(r.seconds()), r.memory().text(),
                r.ok() ? "" : " — " + r.failure()));
        return r;
    }

    /** The server that steps query: the one the serve step kept, or one started now on the smallest store. */
    public LiveServer server() throws IOException, InterruptedException {
        if (server == null && serverFailure == null) {
            LiveServer s = LiveServer.start(this, store(smallest()), "serve-" + smallest());
            if (s.firstAnswer(java.time.Duration.ofMinutes(2)).isPresent()) {
                server = s;
            } else {
                serverFailure = "kg serve did not answer within 2 min — " + s.tail(3);
                s.stop();
            }
        }
        if (server == null) throw new IllegalStateException(serverFailure);
        return server;
    }

    /** Makes {@code s}, which answers, the server later steps query. */
    public void keepServer(LiveServer s) {
        stopServer();
        server = s;
        serverFailure = null;
    }

    /** Stops {@code s}, which did not answer: later steps that need a server fail with {@code why}. */
    public void serverFailed(LiveServer s, String why) {
        stopServer();
        s.stop();
        serverFailure = why;
    }

    /** Stops the server, if one runs, so the store is free again; a later step may start another. */
    void stopServer() {
        if (server != null) server.stop();
        server = null;
        serverFailure = null;
    }

    /** A line of progress, with the time since the start. */
    public void say(String line) {
        System.out.printf(Locale.ROOT, "[%6.0fs] %s%n", seconds(), line);
        System.out.flush();
    }

    /** Seconds since the run started. */
    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    void createLogs() throws IOException {
        Files.createDirectories(logs);
    }

    /** Non-null (the reason to stop) when the work folder's disk has less than --min-free-gb left. */
    private String diskGuard() {
        try {
            long free = Files.getFileStore(options.work()).getUsableSpace();
            if (free < options.minFreeGb() * (1L << 30)) {
                return String.format(Locale.ROOT, "free disk below %d GiB (%.1f GiB left)", options.minFreeGb(),
                        free / (double) (1L << 30));
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
}
