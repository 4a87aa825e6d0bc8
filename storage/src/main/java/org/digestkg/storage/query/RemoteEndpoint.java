package org.digestkg.storage.query;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.jena.http.HttpEnv;
import org.apache.jena.http.HttpLib;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;

/**
 * A remote SPARQL query endpoint (any SPARQL 1.1 Protocol service, e.g. a {@code kg serve} at
 * {@code http://host:3030/kg/sparql}), as a client sees it: its URL, the credentials to send, and how long to wait.
 * Client code only; the server side lives in the server module.
 *
 * <pre>
 * ResultSetRewindable rows = RemoteEndpoint.at(url).select("SELECT * { ?s ?p ?o } LIMIT 10");
 * </pre>
 *
 * HTTP errors surface as Jena's {@link org.apache.jena.sparql.engine.http.QueryExceptionHTTP}, whose
 * {@code getStatusCode()} tells what happened (401: credentials wanted, 404: no such endpoint, 503: the server
 * stopped the query at its timeout, -1: no connection); a query of the wrong form for the method as
 * {@link IllegalArgumentException}.
 */
public final class RemoteEndpoint {

    private final String url;
    private final HttpClient httpClient;
    private final Optional<String> authorization;
    private final Duration timeout;

    private RemoteEndpoint(String url, HttpClient httpClient, Optional<String> authorization, Duration timeout) {
        this.url = Objects.requireNonNull(url, "endpoint URL");
        this.httpClient = httpClient;
        this.authorization = authorization;
        this.timeout = timeout;
    }

    public static RemoteEndpoint at(String endpointUrl) {
        return new RemoteEndpoint(endpointUrl, HttpEnv.getDftHttpClient(), Optional.empty(), null);
    }

    /** Sends HTTP basic authentication with every request (for endpoints that protect reads). */
    public RemoteEndpoint withCredentials(String user, String password) {
        return new RemoteEndpoint(url, httpClient, Optional.of(HttpLib.basicAuth(user, password)), timeout);
    }

    /** Gives up on the client side after this long (the server has its own limit too). */
    public RemoteEndpoint withTimeout(Duration timeout) {
        return new RemoteEndpoint(url, httpClient, authorization, timeout);
    }

    public RemoteEndpoint withHttpClient(HttpClient client) {
        return new RemoteEndpoint(url, Objects.requireNonNull(client, "client"), authorization, timeout);
    }

    public String url() {
        return url;
    }

    /** The client-side time limit, if one was set. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** An execution of {@code query} on this endpoint, with the credentials and time limit set; streams its results. */
    public QueryExec exec(Query query) {
        return builder(query).build();
    }

    /** Runs a SELECT query; the rows are all read. */
    public ResultSetRewindable select(Query query) {
        require(query.isSelectType(), query, "SELECT");
        try (QueryExec qe = exec(query)) {
            return ResultSetFactory.copyResults(ResultSet.adapt(qe.select()));
        }
    }

    public ResultSetRewindable select(String query) {
        return select(QueryFactory.create(query));
    }

    /** Runs an ASK query. */
    public boolean ask(Query query) {
        require(query.isAskType(), query, "ASK");
        try (QueryExec qe = exec(query)) {
            return qe.ask();
        }
    }

    public boolean ask(String query) {
        return ask(QueryFactory.create(query));
    }

    /** Runs a CONSTRUCT or DESCRIBE query. */
    public Model graph(Query query) {
        require(query.isConstructType() || query.isDescribeType(), query, "CONSTRUCT or DESCRIBE");
        try (QueryExec qe = exec(query)) {
            return ModelFactory.createModelForGraph(query.isConstructType() ? qe.construct() : qe.describe());
        }
    }

    public Model graph(String query) {
        return graph(QueryFactory.create(query));
    }

    private QueryExecHTTPBuilder builder(Query query) {
        QueryExecHTTPBuilder b = QueryExecHTTP.service(url).query(query).httpClient(httpClient);
        authorization.ifPresent(a -> b.httpHeader("Authorization", a));
        if (timeout != null) {
            b.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        return b;
    }

    private static void require(boolean ok, Query query, String form) {
        if (!ok) {
            throw new IllegalArgumentException("expected a " + form + " query, got: " + query.queryType());
        }
    }
}
