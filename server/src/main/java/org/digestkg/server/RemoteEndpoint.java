package org.digestkg.server;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.jena.http.HttpEnv;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTPBuilder;

/**
 * A remote SPARQL query endpoint (any SPARQL 1.1 Protocol service, e.g. another {@code kg serve} at
 * {@code http://host:3030/kg/sparql}). Results are read completely before returning, so nothing stays open.
 *
 * <pre>
 * ResultSetRewindable rows = RemoteEndpoint.at(url).select("SELECT * { ?s ?p ?o } LIMIT 10");
 * </pre>
 *
 * HTTP errors surface as Jena's {@link org.apache.jena.sparql.engine.http.QueryExceptionHTTP}, whose
 * {@code getStatusCode()} tells what happened (404: no such endpoint, 503: the server stopped the query at its
 * timeout, -1: no connection); a query of the wrong form for the method as {@link IllegalArgumentException}.
 */
public final class RemoteEndpoint {

    private final String url;
    private final HttpClient httpClient;
    private final Optional<BasicCredentials> credentials;
    private final Duration timeout;

    private RemoteEndpoint(String url, HttpClient httpClient, Optional<BasicCredentials> credentials, Duration timeout) {
        this.url = Objects.requireNonNull(url, "endpoint URL");
        this.httpClient = httpClient;
        this.credentials = credentials;
        this.timeout = timeout;
    }

    public static RemoteEndpoint at(String endpointUrl) {
        return new RemoteEndpoint(endpointUrl, HttpEnv.getDftHttpClient(), Optional.empty(), null);
    }

    /** Sends these credentials with every request (for endpoints that protect reads). */
    public RemoteEndpoint withCredentials(BasicCredentials credentials) {
        return new RemoteEndpoint(url, httpClient, Optional.of(credentials), timeout);
    }

    /** Gives up on the client side after this long (the server has its own limit too). */
    public RemoteEndpoint withTimeout(Duration timeout) {
        return new RemoteEndpoint(url, httpClient, credentials, timeout);
    }

    public RemoteEndpoint withHttpClient(HttpClient client) {
        return new RemoteEndpoint(url, Objects.requireNonNull(client, "client"), credentials, timeout);
    }

    public String url() {
        return url;
    }

    /** Runs a SELECT query; the rows are all read. */
    public ResultSetRewindable select(Query query) {
        require(query.isSelectType(), query, "SELECT");
        try (QueryExecution qe = execution(query)) {
            return ResultSetFactory.copyResults(qe.execSelect());
        }
    }

    public ResultSetRewindable select(String query) {
        return select(QueryFactory.create(query));
    }

    /** Runs an ASK query. */
    public boolean ask(Query query) {
        require(query.isAskType(), query, "ASK");
        try (QueryExecution qe = execution(query)) {
            return qe.execAsk();
        }
    }

    public boolean ask(String query) {
        return ask(QueryFactory.create(query));
    }

    /** Runs a CONSTRUCT or DESCRIBE query. */
    public Model graph(Query query) {
        require(query.isConstructType() || query.isDescribeType(), query, "CONSTRUCT or DESCRIBE");
        try (QueryExecution qe = execution(query)) {
            return query.isConstructType() ? qe.execConstruct() : qe.execDescribe();
        }
    }

    public Model graph(String query) {
        return graph(QueryFactory.create(query));
    }

    private QueryExecution execution(Query query) {
        QueryExecutionHTTPBuilder b = QueryExecutionHTTP.service(url).query(query).httpClient(httpClient);
        credentials.ifPresent(c -> b.httpHeader("Authorization", c.authorizationHeader()));
        if (timeout != null) {
            b.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        return b.build();
    }

    private static void require(boolean ok, Query query, String form) {
        if (!ok) {
            throw new IllegalArgumentException("expected a " + form + " query, got: " + query.queryType());
        }
    }
}
