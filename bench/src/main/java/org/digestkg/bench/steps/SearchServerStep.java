package org.digestkg.bench.steps;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.ParameterizedSparqlString;
import org.digestkg.bench.BenchRun;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.LiveServer;
import org.digestkg.bench.SearchQueries;
import org.digestkg.bench.SparqlHttp;
import org.digestkg.bench.ResultTable.Met;

/**
 * Search latency through the running server, warm: the {@link SearchQueries} (25 English, 25 Chinese) as the
 * server's JSON search ({@code /kg/search?q=…}, the first 20 papers with snippets: what a search page asks): rounds
 * over all 50 ({@code --warmup} of them to warm up, then {@code --query-runs} timed), each query's median, p50 and
 * p95 over the 50; and as the named query {@code sparql/search.rq} on the SPARQL endpoint (every matching paper),
 * each query asked once to warm up, then timed once.
 */
public final class SearchServerStep extends ServerStep {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public String title(BenchRun run) {
        return "search through Fuseki";
    }

    @Override
    public String target() {
        return "p95 < 50 ms";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        LiveServer server = run.server();
        String base = server.sparqlUrl().replaceFirst("/sparql$", "");
        // rounds over all the queries, as the other server steps warm up and repeat each query: a fresh server's search
        // code is not compiled yet after one request per query, and a pause of the JVM falls on a different query in
        // each timed round; each query's figure is the median of its timed rounds
        int warm = Math.max(1, run.options().warmup());
        int timed = Math.max(1, run.options().queryRuns());
        List<String> queries = SearchQueries.of(run.options());
        List<List<Double>> perQuery = new ArrayList<>();
        queries.forEach(q -> perQuery.add(new ArrayList<>()));
        long hits = 0;
        for (int round = 0; round < warm + timed; round++) {
            for (int i = 0; i < queries.size(); i++) {
                String q = queries.get(i);
                URI uri = URI.create(base + "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
                long t0 = System.nanoTime();
                HttpResponse<String> r = get(uri);
                double ms = (System.nanoTime() - t0) / 1e6;
                if (r.statusCode() != 200) {
                    run.table().failed("search " + q + " (/kg/search)", target(), "HTTP " + r.statusCode() + ": "
                            + Fmt.tail(r.body(), 2));
                    return;
                }
                if (round >= warm) perQuery.get(i).add(ms);
                if (round == 0) hits += totalOf(r.body());
            }
        }
        List<Double> json = perQuery.stream().map(Fmt::median).toList();
        double max = perQuery.stream().flatMap(List::stream).max(Double::compare).orElse(Double.NaN);
        double p95 = Fmt.percentile(json, 95);
        run.table().add("search: " + queries.size() + " English and Chinese queries, /kg/search JSON "
                        + "(best 20 with snippets), through Fuseki HTTP, each the median of " + timed + " rounds after "
                        + warm + " warm-up rounds",
                "p50 " + Fmt.millis(Fmt.percentile(json, 50)) + ", p95 " + Fmt.millis(p95) + ", slowest single answer "
                        + Fmt.millis(max) + " (" + Fmt.count(hits) + " papers matched in all)", target(),
                Met.of(p95 < 50));

        String searchRq = java.nio.file.Files.readString(run.options().root().resolve("sparql/search.rq"));
        List<Double> sparql = new ArrayList<>();
        for (String q : queries) {
            ParameterizedSparqlString pss = new ParameterizedSparqlString(searchRq);
            pss.setLiteral("q", q);
            server.ask(pss.toString());
            SparqlHttp.Answer a = server.ask(pss.toString());
            if (!a.ok()) {
                run.table().failed("search " + q + " (search.rq)", "", "HTTP " + a.status() + ": " + Fmt.tail(a.text(), 2));
                return;
            }
            sparql.add(a.millis());
        }
        run.table().add("search: the same queries as sparql/search.rq (text:query, every matching paper), warm, "
                        + "through Fuseki HTTP",
                "p50 " + Fmt.millis(Fmt.percentile(sparql, 50)) + ", p95 " + Fmt.millis(Fmt.percentile(sparql, 95))
                        + ", max " + Fmt.millis(sparql.stream().max(Double::compare).orElse(Double.NaN)), "", Met.NONE);
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static long totalOf(String json) {
        var m = java.util.regex.Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
