package org.digestkg.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * A SPARQL client over plain HTTP ({@code java.net.http}): POSTs the query as {@code application/sparql-query},
 * asks for {@code application/sparql-results+json}, and times from sending the request to having the whole body.
 */
public final class SparqlHttp {

    public static final String RESULTS_JSON = "application/sparql-results+json";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final URI endpoint;

    public SparqlHttp(String endpoint) {
        this.endpoint = URI.create(endpoint);
    }

    public String endpoint() {
        return endpoint.toString();
    }

    /** One answered query: HTTP status, body, and the time to the last byte. */
    public record Answer(int status, byte[] body, long nanos) {

        public double millis() {
            return nanos / 1e6;
        }

        public boolean ok() {
            return status == 200;
        }

        /** The rows of a JSON result set, each variable → its value as a plain string (lexical form or IRI). */
        public List<java.util.Map<String, String>> rows() {
            ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(body), ResultSetLang.RS_JSON);
            List<java.util.Map<String, String>> out = new ArrayList<>();
            List<String> vars = rs.getResultVars();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                java.util.Map<String, String> row = new java.util.LinkedHashMap<>();
                for (String v : vars) {
                    var n = s.get(v);
                    if (n == null) continue;
                    row.put(v, n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
                }
                out.add(row);
            }
            return out;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Sends {@code query}; IO errors (e.g. connection refused while a server starts) are thrown. */
    public Answer query(String query, Duration timeout) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/sparql-query; charset=utf-8")
                .header("Accept", RESULTS_JSON)
                .POST(HttpRequest.BodyPublishers.ofString(query, StandardCharsets.UTF_8))
                .build();
        long t0 = System.nanoTime();
        HttpResponse<byte[]> resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
        long t = System.nanoTime() - t0;
        return new Answer(resp.statusCode(), resp.body(), t);
    }
}
