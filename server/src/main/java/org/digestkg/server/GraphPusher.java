package org.digestkg.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.http.HttpEnv;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a digest's graph to a remote SPARQL 1.1 Graph Store Protocol endpoint (e.g. another
 * {@code kg serve --update} at {@code http://host:3030/kg/data}).
 *
 * <p>The push is an HTTP PUT of the graph under its name, which by the protocol <em>replaces</em> whatever the
 * remote graph held: pushing the same digest again leaves one copy of its current content, never duplicates.
 */
public final class GraphPusher {

    private static final Logger LOG = LoggerFactory.getLogger(GraphPusher.class);

    private GraphPusher() {}

    /**
     * Replaces the graph {@code graphName} at {@code gspEndpointUrl} by {@code graph}.
     *
     * @param credentials sent pre-emptively as HTTP basic authentication, so the graph travels once
     * @throws org.apache.jena.atlas.web.HttpException when the server refuses (401: no or wrong credentials,
     *                                                  403: read-only server) or cannot be reached
     */
    public static void push(String gspEndpointUrl, Node graphName, Graph graph, Optional<BasicCredentials> credentials) {
        push(gspEndpointUrl, graphName, graph, credentials, HttpEnv.getDftHttpClient());
    }

    public static void push(String gspEndpointUrl, Node graphName, Graph graph, Optional<BasicCredentials> credentials,
                            HttpClient httpClient) {
        Objects.requireNonNull(gspEndpointUrl, "endpoint URL");
        Objects.requireNonNull(graph, "graph");
        if (graphName == null || !graphName.isURI()) {
            throw new IllegalArgumentException("a named graph IRI is required, got: " + graphName);
        }
        GSP gsp = GSP.service(gspEndpointUrl)
                     .httpClient(Objects.requireNonNull(httpClient, "httpClient"))
                     .graphName(graphName)
                     .contentType(RDFFormat.NTRIPLES);   // streams, and every RDF store reads it
        credentials.ifPresent(c -> {
            warnIfPlainTextOverNetwork(gspEndpointUrl);
            gsp.httpHeader("Authorization", c.authorizationHeader());
        });
        // A server that refuses the push (no or wrong credentials, read-only) answers before it reads the body and
        // closes the connection: a client still sending megabytes then sees the connection reset, not the refusal.
        // An empty POST (which adds nothing) is read whole, so the refusal comes back as it is; then the graph.
        gsp.POST(GraphFactory.createDefaultGraph());
        gsp.PUT(graph);
        LOG.debug("Pushed {} triples to <{}> at {}", graph.size(), graphName.getURI(), gspEndpointUrl);
    }

    private static void warnIfPlainTextOverNetwork(String url) {
        URI uri = URI.create(url);
        String host = uri.getHost();
        boolean local = host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1"));
        if ("http".equalsIgnoreCase(uri.getScheme()) && !local) {
            LOG.warn("Sending the password unencrypted to {}: prefer https for a remote server", uri.getHost());
        }
    }
}
