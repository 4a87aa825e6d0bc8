package org.digestkg.bench.steps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestkg.bench.BenchRun;
import org.digestkg.bench.BenchStep;
import org.digestkg.bench.Disk;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.LiveServer;
import org.digestkg.bench.ProcessProbe;
import org.digestkg.bench.ResultTable.Met;
import org.digestkg.bench.SparqlHttp;

/**
 * {@code kg serve --watch DIR} on the smallest store: the next generated day is written under a hidden name in DIR
 * and renamed to its own (as a copy tool does), and the time from the rename to the first SPARQL answer that holds
 * the day's graph is measured, polling every 20 ms, and the time until the server's log says the co-authorship index
 * holds it. The server's log adds what the load itself took and the co-authorship index's update after it. The day
 * comes once the server's start-up work is over: the co-authorship index, then the warm-up of its load path. Then the
 * server stops and {@code kg remove} restores the store.
 */
public final class WatchStep implements BenchStep {

    private static final Pattern LOADED = Pattern.compile("Loaded \\S+ \\S+: ([0-9,]+) papers.*?, ([0-9.]+) s");
    private static final Pattern INDEX = Pattern.compile("Co-authorship index updated \\((\\d+) ms\\)");

    @Override
    public String option() {
        return "watch";
    }

    @Override
    public String title(BenchRun run) {
        return "kg serve --watch: a new day renamed into the watched folder, to answered by SPARQL and in the "
                + "co-authorship index";
    }

    @Override
    public String target() {
        return "< 2 s";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        int n = run.smallest();
        Path store = run.store(n);
        Path day = run.extraDay();
        String date = day.getFileName().toString().replace(".md", "");
        String ask = "ASK { GRAPH <https://w3id.org/digest-kg/digest/" + date + "> { ?s ?p ?o } }";
        List<Double> seconds = new ArrayList<>();
        List<Double> inIndex = new ArrayList<>();
        String serverSays = "";
        for (int r = 0; r < run.options().repeat(); r++) {
            Path folder = run.options().work().resolve("watch/" + r);
            Disk.deleteQuietly(folder);
            Files.createDirectories(folder);
            // a quick run is a smoke test: one round of the server's rehearsal instead of four saves it 4 s
            List<String> jvm = run.options().quick() ? List.of("-Ddigestkg.watch.rehearsals=1") : List.of();
            LiveServer server = LiveServer.start(run, store, "watch-" + n + "-" + r, jvm, "--watch", folder.toString());
            try {
                if (server.firstAnswer(Duration.ofMinutes(2)).isEmpty()) {
                    run.table().failed(title(run), target(), "no answer within 2 min — " + server.tail(3));
                    return;
                }
                // start-up work over (the index, then the load path's warm-up): the machine is quiet again
                server.coauthorIndexMillis(Duration.ofMinutes(3));
                OptionalDouble warmUp = server.watchWarmedUpMillis(Duration.ofMinutes(3));
                Path hidden = Files.copy(day, folder.resolve("." + date + ".md.part"));
                long t0 = System.nanoTime();
                Files.move(hidden, folder.resolve(date + ".md"), StandardCopyOption.ATOMIC_MOVE);
                double s = untilTrue(server, ask, t0, run.options().timeout());
                if (Double.isNaN(s)) {
                    run.table().failed(title(run), target(), "not answered within "
                            + run.options().timeout().toMinutes() + " min — " + server.tail(3));
                    return;
                }
                double indexed = untilLogged(server, INDEX, t0, Duration.ofSeconds(30));
                seconds.add(s);
                inIndex.add(indexed);
                serverSays = serverSays(server) + (warmUp.isPresent()
                        ? "; at its start, the server had warmed its load path up on the samples in "
                                + Fmt.seconds(warmUp.getAsDouble() / 1000)
                        : "; no warm-up logged");
                run.say("  answered " + Fmt.seconds(s) + ", in the co-authorship index " + Fmt.seconds(indexed)
                        + " after the rename" + serverSays);
            } finally {
                server.stop();
            }
            ProcessProbe.Result removed = run.run(run.kg().kg("remove", "--store", store.toString(), date),
                    "watch-remove-" + r);
            if (!removed.ok()) {
                run.table().failed("kg remove of the watched day (restores the store)", "", removed.failure());
                return;
            }
        }
        double median = Fmt.median(seconds);
        double indexed = Fmt.median(inIndex);
        // the bar is all three: queryable and searchable (one commit), and in the co-authorship index
        run.table().add(title(run) + " (" + n + "-day store)", "answered " + Fmt.seconds(median)
                + ", in the co-authorship index " + Fmt.seconds(indexed) + serverSays + Fmt.runsNote(seconds), target(),
                Met.of(median < 2 && indexed < 2));
    }

    /** Seconds from {@code t0} until the server's log holds {@code line}; NaN if not within {@code limit}. */
    private static double untilLogged(LiveServer server, Pattern line, long t0, Duration limit)
            throws InterruptedException {
        long deadline = t0 + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (line.matcher(server.logText()).find()) return (System.nanoTime() - t0) / 1e9;
            Thread.sleep(ProcessProbe.POLL.toMillis());
        }
        return Double.NaN;
    }

    /** Seconds from {@code t0} to the first answer {@code true} to the ASK query; NaN if none within {@code limit}. */
    private static double untilTrue(LiveServer server, String ask, long t0, Duration limit)
            throws InterruptedException {
        long deadline = t0 + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                SparqlHttp.Answer a = server.ask(ask);
                if (a.ok() && a.text().contains("true")) return (System.nanoTime() - t0) / 1e9;
            } catch (IOException e) {
                // a refused connection counts as not yet
            }
            Thread.sleep(ProcessProbe.POLL.toMillis());
        }
        return Double.NaN;
    }

    /** What the server's log says of the load and the index update after it, as a note for the row. */
    private static String serverSays(LiveServer server) throws InterruptedException {
        // the index update is logged just after the answer can come: give it a moment
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String log = server.logText();
        while (!INDEX.matcher(log).find() && System.nanoTime() < deadline) {
            Thread.sleep(ProcessProbe.POLL.toMillis());
            log = server.logText();
        }
        Matcher loaded = LOADED.matcher(log);
        Matcher index = INDEX.matcher(log);
        StringBuilder b = new StringBuilder();
        if (loaded.find()) b.append(" (").append(loaded.group(1)).append(" papers; the load itself ")
                .append(loaded.group(2)).append(" s");
        if (index.find()) b.append(b.length() == 0 ? " (" : ", ").append("then the co-authorship index ")
                .append(index.group(1)).append(" ms");
        return b.length() == 0 ? "" : b.append(")").toString();
    }
}
