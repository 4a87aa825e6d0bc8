package org.digestkg.server;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.fuseki.servlets.ActionLib;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, before Fuseki sees a request, whether it may change anything and whether that is allowed.
 *
 * <p>Reading is open to everyone: GET, HEAD and OPTIONS anywhere; POST of a query (as
 * {@code application/sparql-query} or an HTML form) to the dataset's query endpoints ({@code /kg}, {@code /kg/},
 * {@code /kg/sparql}, {@code /kg/query}: Fuseki offers only query and GSP read there) and to the side-effect-free admin helpers
 * ({@code /$/ping}, {@code /$/validate/*}). Every other request is treated as a change — SPARQL Update,
 * Graph Store Protocol PUT/POST/DELETE/PATCH, and the admin API ({@code /$/datasets}, {@code /$/compact},
 * {@code /$/tasks}, ...) — whatever its path looks like, so a path Fuseki maps differently than expected is
 * refused rather than let through.
 *
 * <ul>
 *   <li>read-only server: changes get 403;</li>
 *   <li>{@code --update}: changes need HTTP basic authentication against the {@link PasswordFile}
 *       (none or wrong: 401 with a {@code WWW-Authenticate} challenge), and a browser request from another
 *       origin is refused (403) so a web page cannot use credentials the browser remembers.</li>
 * </ul>
 *
 * This guard complements, and does not replace, Fuseki's own configuration: in read-only mode no update
 * operation is even registered.
 */
final class AccessGuard implements Filter {

    static final String REALM = "digest-kg";

    private static final Logger LOG = LoggerFactory.getLogger(AccessGuard.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Set<String> queryPaths;
    private final PasswordFile passwords;

    /**
     * @param datasetPath the dataset's path, e.g. {@code /kg}
     * @param passwords   who may change things; {@code null} for a read-only server
     */
    AccessGuard(String datasetPath, PasswordFile passwords) {
        // "/kg/" is the dataset-level endpoint too; the UI's query page posts there.
        this.queryPaths = Set.of(datasetPath, datasetPath + "/", datasetPath + "/sparql", datasetPath + "/query");
        this.passwords = passwords;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        if (isRead(req)) {
            chain.doFilter(request, response);
            return;
        }
        if (passwords == null) {
            LOG.debug("Refused {} {}: server is read-only", req.getMethod(), req.getRequestURI());
            refuse(req, resp, HttpServletResponse.SC_FORBIDDEN,
                    "This knowledge graph server is read-only; restart it with --update (and a password file) to allow changes.");
            return;
        }
        if (isCrossOrigin(req)) {
            LOG.warn("Refused {} {} from origin {}", req.getMethod(), req.getRequestURI(), req.getHeader("Origin"));
            refuse(req, resp, HttpServletResponse.SC_FORBIDDEN, "Changes from another web origin are not allowed.");
            return;
        }
        Optional<BasicCredentials> credentials =
                BasicCredentials.fromAuthorizationHeader(req.getHeader("Authorization"));
        if (credentials.isEmpty() || !passwords.accepts(credentials.get())) {
            if (credentials.isPresent()) {
                LOG.warn("Wrong password for user '{}' from {} ({} {})", credentials.get().user(),
                        req.getRemoteAddr(), req.getMethod(), req.getRequestURI());
            }
            resp.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            refuse(req, resp, HttpServletResponse.SC_UNAUTHORIZED,
                    credentials.isEmpty() ? "Authentication required to change the knowledge graph."
                                          : "Wrong user name or password.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** True when the request can only read. */
    boolean isRead(HttpServletRequest req) {
        String method = req.getMethod().toUpperCase(Locale.ROOT);
        if (SAFE_METHODS.contains(method)) {
            return true;
        }
        if (!method.equals("POST")) {
            return false;
        }
        // Fuseki dispatches datasets on the raw request URI, the servlet container on the decoded, normalised
        // path: only when both agree on a query endpoint is a POST known to be a query.
        String raw = ActionLib.actionURI(req);
        String normalised = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        if (!raw.equals(normalised)) {
            return false;
        }
        if (raw.equals("/$/ping") || (raw.startsWith("/$/validate/") && raw.indexOf('/', 12) < 0)) {
            return true;
        }
        // The SPARQL protocol posts a query in one of two ways; any other body (RDF data) is an attempt to write.
        return queryPaths.contains(raw) && isQueryBody(req.getContentType());
    }

    private static boolean isQueryBody(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/sparql-query") || type.equals("application/x-www-form-urlencoded");
    }

    /** A browser tells where a page came from in {@code Origin}; other clients do not send it. */
    private static boolean isCrossOrigin(HttpServletRequest req) {
        String origin = req.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String host = req.getHeader("Host");
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
    static void refuse(HttpServletRequest req, HttpServletResponse resp, int status, String message)
            throws IOException {
        resp.setStatus(status);
        if (req.getContentLengthLong() != 0) {   // -1: unknown (chunked), > 0: a body
            resp.setHeader("Connection", "close");
        }
        resp.setContentType("text/plain;charset=utf-8");
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
