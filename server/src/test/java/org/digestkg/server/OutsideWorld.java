package org.digestkg.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A web server on a free loopback port standing for the rest of the internet: it records every request, so a test
 * sees whether the knowledge graph server fetched anything. It answers {@code *.ttl} with a triple, {@code *.jsonld}
 * with an empty JSON-LD context, a path ending in {@code /sparql} with one SPARQL result row, and anything else with plain text.
 */
final class OutsideWorld implements AutoCloseable {

    static final String TRIPLE = "<https://example.org/outside> <https://example.org/says> \"hello from outside\" .\n";

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    OutsideWorld() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The paths asked for so far, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        String type = "text/plain";
        String body = "nothing here";
        if (path.endsWith(".ttl")) {
            type = "text/turtle";
            body = TRIPLE;
        } else if (path.endsWith(".jsonld")) {
            type = "application/ld+json";
            body = "{\"@context\": {}}";
        } else if (path.endsWith("/sparql")) {
            type = "application/sparql-results+json";
            body = "{\"head\": {\"vars\": [\"o\"]}, \"results\": {\"bindings\": "
                    + "[{\"o\": {\"type\": \"literal\", \"value\": \"hello from outside\"}}]}}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
