package org.digestkg.explorer.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.digestkg.explorer.SampleStore;

/**
 * A real Fuseki on a free loopback port serving the sample store at /kg, with the explorer module plugged in the
 * way Fuseki takes extensions; and plain HTTP calls, so tests see what a client sees.
 */
final class ExplorerServer implements AutoCloseable {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final FusekiServer fuseki;

    private ExplorerServer(FusekiServer fuseki) {
        this.fuseki = fuseki;
    }

    private static ExplorerServer shared;

    /**
     * One server over the sample store for the whole test run (the store is shared too), stopped when the JVM
     * exits: the HTTP tests only read.
     */
    static synchronized ExplorerServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** The explorer over the sample store, queries limited to 30 s as on {@code kg serve}. */
    static ExplorerServer start() {
        return over(SampleStore.get().datasetGraph());
    }

    /** The explorer over {@code dsg}, as {@link #start()}; the caller closes it. */
    static ExplorerServer over(DatasetGraph dsg) {
        Context queryContext = new Context();
        queryContext.set(ARQ.queryTimeout, "30000,30000");
        DataService data = DataService.newBuilder(dsg)
                .addEndpoint(Endpoint.create().operation(Operation.Query).endpointName("sparql").context(queryContext).build())
                .addEndpoint(Operation.GSP_R, "data")
                .build();
        FusekiServer fuseki = FusekiServer.create().port(0).loopback(true)
                .add("/kg", data)
                .fusekiModules(FusekiModules.create(ExplorerModule.forDataset("kg")))
                .build()
                .start();
        return new ExplorerServer(fuseki);
    }

    String url(String path) {
        return "http://127.0.0.1:" + fuseki.getHttpPort() + path;
    }

    HttpResponse<String> get(String path, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return send(b.build());
    }

    HttpResponse<String> get(String path) {
        return get(path, null);
    }

    HttpResponse<String> request(String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    /**
     * A GET sent byte for byte as given, for request lines no HTTP client library will send (a lone {@code %},
     * broken escapes): the status code and the body.
     */
    RawResponse raw(String path) {
        try (Socket socket = new Socket("127.0.0.1", fuseki.getHttpPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int body = response.indexOf("\r\n\r\n");
            return new RawResponse(status, body < 0 ? "" : response.substring(body + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record RawResponse(int status, String body) {
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        fuseki.stop();
    }
}
