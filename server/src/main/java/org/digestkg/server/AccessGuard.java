package org.digestkg.server;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.SecurityHandler;
import org.eclipse.jetty.security.UserIdentity;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, before Fuseki sees a request, whether it may change anything and whether that is allowed; Jetty's
 * security handler does the rest (HTTP basic authentication against the {@link PasswordFile}'s users).
 *
 * <p>Reading is open to everyone: GET, HEAD and OPTIONS anywhere; POST of a query (as
 * {@code application/sparql-query} or an HTML form) to the dataset's query endpoints ({@code /kg}, {@code /kg/},
 * {@code /kg/sparql}, {@code /kg/query}: Fuseki offers only query and GSP read there) and to the side-effect-free
 * admin helpers ({@code /$/ping}, {@code /$/validate/*}). Every other request is treated as a change — SPARQL
 * Update, Graph Store Protocol PUT/POST/DELETE/PATCH, and the admin API ({@code /$/datasets}, {@code /$/compact},
 * {@code /$/tasks}, ...) — whatever its path looks like, so a path Fuseki maps differently than expected is refused
 * rather than let through. Jetty's own constraints match paths and methods only; this rule also looks at what a
 * POST carries and at the raw path Fuseki dispatches on.
 *
 * <ul>
 *   <li>read-only server: changes get 403;</li>
 *   <li>with users: a change needs HTTP basic authentication ({@link Constraint#ANY_USER}; none or wrong: 401 with a
 *       {@code WWW-Authenticate} challenge, from Jetty's {@link BasicAuthenticator}), and a browser request from
 *       another origin is refused (403) before any password is asked for, so a web page cannot use credentials the
 *       browser remembers — the one check Jetty and Fuseki do not have.</li>
 * </ul>
 *
 * This guard complements, and does not replace, Fuseki's own configuration: in read-only mode no update
 * operation is even registered.
 */
final class AccessGuard extends SecurityHandler {

    static final String REALM = "digest-kg";

    private static final Logger LOG = LoggerFactory.getLogger(AccessGuard.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Set<String> queryPaths;
    private final boolean readOnly;

    /**
     * @param datasetPath the dataset's path, e.g. {@code /kg}
     * @param users       who may change things; {@code null} for a read-only server
     */
    AccessGuard(String datasetPath, PasswordFile users) {
        // "/kg/" is the dataset-level endpoint too; the UI's query page posts there.
        this.queryPaths = Set.of(datasetPath, datasetPath + "/", datasetPath + "/sparql", datasetPath + "/query");
        this.readOnly = users == null;
        if (users != null) {
            HashLoginService login = new HashLoginService(REALM);
            login.setUserStore(users.users());
            setLoginService(login);
            setAuthenticator(new LoggingBasicAuthenticator());
            setRealmName(REALM);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!isRead(request)) {
            if (readOnly) {
                LOG.debug("Refused {} {}: server is read-only", request.getMethod(), request.getHttpURI().getPath());
                return refuse(request, response, callback, HttpStatus.FORBIDDEN_403,
                        "This knowledge graph server is read-only: it was not started to accept changes.");
            }
            if (isCrossOrigin(request)) {
                LOG.warn("Refused {} {} from origin {}", request.getMethod(), request.getHttpURI().getPath(),
                        request.getHeaders().get(HttpHeader.ORIGIN));
                return refuse(request, response, callback, HttpStatus.FORBIDDEN_403,
                        "Changes from another web origin are not allowed.");
            }
        }
        return super.handle(request, response, callback);
    }

    @Override
    protected Constraint getConstraint(String pathInContext, Request request) {
        return isRead(request) ? Constraint.ALLOWED : Constraint.ANY_USER;
    }

    /** True when the request can only read. */
    boolean isRead(Request request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (SAFE_METHODS.contains(method)) {
            return true;
        }
        if (!method.equals("POST")) {
            return false;
        }
        // Fuseki dispatches datasets on the raw request path, Jetty on the decoded, normalised one: only when both
        // agree on a query endpoint is a POST known to be a query.
        String raw = request.getHttpURI().getPath();
        if (!raw.equals(Request.getPathInContext(request))) {
            return false;
        }
        if (raw.equals("/$/ping") || (raw.startsWith("/$/validate/") && raw.indexOf('/', 12) < 0)) {
            return true;
        }
        // The SPARQL protocol posts a query in one of two ways; any other body (RDF data) is an attempt to write.
        return queryPaths.contains(raw) && isQueryBody(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
    }

    private static boolean isQueryBody(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/sparql-query") || type.equals("application/x-www-form-urlencoded");
    }

    /** A browser tells where a page came from in {@code Origin}; other clients do not send it. */
    private static boolean isCrossOrigin(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return false;
        }
        String host = request.getHeaders().get(HttpHeader.HOST);
        try {
            URI o = URI.create(origin);
            if (o.getHost() == null || host == null) {
                return true;
            }
            String originHostPort = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
            return !originHostPort.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return true; // "null" or garbage: not this server's page
        }
    }

    /**
     * Answers with a short plain-text message. The request body is left unread (it may be large and come from
     * anyone), so the connection is closed afterwards: a client must not send its next request on a connection
     * whose unread bytes the server will discard.
     */
    private static boolean refuse(Request request, Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        if (request.getLength() != 0) {   // -1: unknown (chunked), > 0: a body
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        Content.Sink.write(response, true, message + "\n", callback);
        return true;
    }

    /** Jetty's basic authentication, in UTF-8, with a warning for each wrong password. */
    private static final class LoggingBasicAuthenticator extends BasicAuthenticator {
        LoggingBasicAuthenticator() {
            setCharset(StandardCharsets.UTF_8);
        }

        @Override
        public UserIdentity login(String username, Object password, Request request, Response response) {
            UserIdentity user = super.login(username, password, request, response);
            if (user == null) {
                LOG.warn("Wrong password for user '{}' from {} ({} {})", username, Request.getRemoteAddr(request),
                        request.getMethod(), request.getHttpURI().getPath());
            }
            return user;
        }
    }
}
