package org.digestkg.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestkg.bench.ResultTable.Met;

/** A {@code kg serve} subprocess on a store, watched from outside, that steps query over HTTP. */
public final class LiveServer {

    private static final Pattern INDEX_READY = Pattern.compile("Co-authorship index ready \\((\\d+) ms\\)");
    private static final Pattern WARMED_UP = Pattern.compile("Load path warmed up on the sample digests \\((\\d+) ms\\)");

    private final BenchRun run;
    private final ProcessProbe.Watched process;
    private final SparqlHttp http;
    private final Path log;
    private final String baseUrl;

    private LiveServer(BenchRun run, ProcessProbe.Watched process, SparqlHttp http, Path log, String baseUrl) {
        this.run = run;
        this.process = process;
        this.http = http;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /** The server's root, {@code http://127.0.0.1:PORT}: the explorer's pages are below it. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Starts {@code kg serve --store STORE [ARGS...]} on a free port, its output in the log {@code name}. */
    public static LiveServer start(BenchRun run, Path store, String name, String... args) throws IOException {
        return start(run, store, name, List.of(), args);
    }

    /** Like {@link #start(BenchRun, Path, String, String...)}, with these options for the server's JVM too. */
    public static LiveServer start(BenchRun run, Path store, String name, List<String> jvmOptions, String... args)
            throws IOException {
        int port = freePort();
        List<String> cmd = new ArrayList<>(run.kg().kg("serve", "--store", store.toString(), "--port",
                Integer.toString(port), "--timeout", Long.toString(run.options().queryTimeout().toSeconds())));
        cmd.addAll(1, jvmOptions);
        cmd.addAll(List.of(args));
        Path log = run.log(name);
        ProcessProbe.Watched w = ProcessProbe.startWatched(cmd, run.options().root(), log);
        String base = "http://127.0.0.1:" + port;
        return new LiveServer(run, w, new SparqlHttp(base + "/kg/sparql"), log, base);
    }

    /** Seconds from process start to the first 200 answer to {@link BenchQueries#PROBE}; empty if none came. */
    public OptionalDouble firstAnswer(Duration limit) throws InterruptedException {
        long deadline = process.startNanos() + limit.toNanos();
        while (System.nanoTime() < deadline && process.process().isAlive()) {
            try {
                SparqlHttp.Answer a = http.query(BenchQueries.PROBE, Duration.ofSeconds(30));
                if (a.ok()) return OptionalDouble.of((System.nanoTime() - process.startNanos()) / 1e9);
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(ProcessProbe.POLL.toMillis());
        }
        return OptionalDouble.empty();
    }

    /** Milliseconds the server's log says its co-authorship index took; empty if it was not ready within {@code limit}. */
    public OptionalDouble coauthorIndexMillis(Duration limit) throws InterruptedException {
        return logMillis(INDEX_READY, limit);
    }

    /**
     * Milliseconds the server's log says the folder watch took to warm its load path up before watching; empty if it
     * did not say so within {@code limit}.
     */
    public OptionalDouble watchWarmedUpMillis(Duration limit) throws InterruptedException {
        return logMillis(WARMED_UP, limit);
    }

    private OptionalDouble logMillis(Pattern line, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && process.process().isAlive()) {
            Matcher m = line.matcher(logText());
            if (m.find()) return OptionalDouble.of(Long.parseLong(m.group(1)));
            Thread.sleep(ProcessProbe.POLL.toMillis());
        }
        return OptionalDouble.empty();
    }

    /** The server's SPARQL endpoint; the dataset's other services are beside it ({@code /kg/search}). */
    public String sparqlUrl() {
        return http.endpoint();
    }

    /** One query, once (a look-up a step needs, not a timing). */
    public SparqlHttp.Answer ask(String query) throws IOException, InterruptedException {
        return http.query(query, run.options().queryTimeout().plusSeconds(30));
    }

    /**
     * Times {@code query}: warm-up runs, then timed runs; adds the row {@code measure} with the median in ms and the
     * number of rows, met when the median is under {@code limitMs} (NaN: no target of its own).
     */
    public void time(String measure, String query, String target, double limitMs) throws InterruptedException {
        String m = measure + ", warm, through Fuseki HTTP";
        ResultTable table = run.table();
        try {
            int warm = run.options().warmup();
            int runs = run.options().queryRuns();
            List<Double> ms = new ArrayList<>();
            SparqlHttp.Answer last = null;
            for (int i = 0; i < warm + runs; i++) {
                last = ask(query);
                if (!last.ok() && last.status() == 503 && last.millis() >= run.options().queryTimeout().toMillis()) {
                    // cancelled by kg serve --timeout: a miss, not a broken benchmark
                    table.add(m, "> " + Fmt.seconds(run.options().queryTimeout().toSeconds()) + ": cancelled by the "
                            + "server's query timeout (HTTP 503 after " + Fmt.millis(last.millis()) + ")", target,
                            Double.isNaN(limitMs) ? Met.NONE : Met.NO);
                    run.say("  " + measure + ": timed out");
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
            run.say("  " + measure + ": " + value);
        } catch (IOException | RuntimeException e) {
            table.failed(m, target, e.toString());
        }
    }

    public ProcessProbe.Watched process() {
        return process;
    }

    /** The last lines of the server's output, for a failed row. */
    public String tail(int lines) {
        return Fmt.tail(logText(), lines);
    }

    /** SIGTERM, then SIGKILL after 30 s. */
    public void stop() {
        int code = process.stop(Duration.ofSeconds(30));
        run.say("  server stopped (pid " + process.process().pid() + ", exit " + code + ")");
    }

    /** What the server has written so far (its standard output and error). */
    public String logText() {
        return Disk.read(log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
