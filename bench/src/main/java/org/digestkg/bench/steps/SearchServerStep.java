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
 * server's JSON search ({@code /kg/search?q=…}, the first 20 papers with snippets: what a search page asks), and as
 * the named query {@code sparql/search.rq} on the SPARQL endpoint (every matching paper). Each query is asked once to
 * warm up, then timed once; p50 and p95 over the 50.
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
        List<Double> json = new ArrayList<>();
        long hits = 0;
        for (String q : SearchQueries.ALL) {
            URI uri = URI.create(base + "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            get(uri);
            long t0 = System.nanoTime();
            HttpResponse<String> r = get(uri);
            json.add((System.nanoTime() - t0) / 1e6);
            if (r.statusCode() != 200) {
                run.table().failed("search " + q + " (/kg/search)", target(), "HTTP " + r.statusCode() + ": "
                        + Fmt.tail(r.body(), 2));
                return;
            }
            hits += totalOf(r.body());
        }
        double p95 = Fmt.percentile(json, 95);
        run.table().add("search: " + SearchQueries.ALL.size() + " English and Chinese queries, /kg/search JSON "
                        + "(best 20 with snippets), warm, through Fuseki HTTP",
                "p50 " + Fmt.millis(Fmt.percentile(json, 50)) + ", p95 " + Fmt.millis(p95) + ", max "
                        + Fmt.millis(json.stream().max(Double::compare).orElse(Double.NaN)) + " (" + Fmt.count(hits)
                        + " papers matched in all)", target(), Met.of(p95 < 50));

        String searchRq = java.nio.file.Files.readString(run.options().root().resolve("sparql/search.rq"));
        List<Double> sparql = new ArrayList<>();
        for (String q : SearchQueries.ALL) {
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
