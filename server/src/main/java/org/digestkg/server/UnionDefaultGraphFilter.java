package org.digestkg.server;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.fuseki.servlets.ActionLib;

/**
 * Makes the Graph Store Protocol agree with queries when the store's default graph is the union of its named
 * graphs ({@code TDB2.symUnionDefaultGraph}).
 *
 * <p>TDB2 applies that setting to query execution only; Fuseki's GSP would read and write the stored default
 * graph, which every digest-kg query ignores. So:
 * <ul>
 *   <li>a GSP read of {@code ?default} is answered as {@code ?graph=union} — all digests, as a query sees them;</li>
 *   <li>a GSP write to {@code ?default} is refused (400): the data would be invisible; name a graph instead.</li>
 * </ul>
 */
final class UnionDefaultGraphFilter implements Filter {

    private static final String DEFAULT = "default";
    private static final String GRAPH = "graph";
    private static final String UNION = "union";

    private final Set<String> gspPaths;

    /** @param datasetPath e.g. {@code /kg}; its GSP endpoints are the dataset itself, {@code data} and {@code get} */
    UnionDefaultGraphFilter(String datasetPath) {
        this.gspPaths = Set.of(datasetPath, datasetPath + "/data", datasetPath + "/get");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        if (!gspPaths.contains(ActionLib.actionURI(req)) || req.getParameterValues(DEFAULT) == null) {
            chain.doFilter(request, response);
            return;
        }
        String method = req.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            chain.doFilter(new UnionRead(req), response);
            return;
        }
        if (method.equals("OPTIONS")) {
            chain.doFilter(request, response);
            return;
        }
        refuse(req, (HttpServletResponse) response);
    }

    /** A 400 with the reason; the body is left unread, so the connection is not kept for a next request. */
    private static void refuse(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        if (req.getContentLengthLong() != 0) {
            resp.setHeader("Connection", "close");
        }
        resp.setContentType("text/plain;charset=utf-8");
        resp.getWriter().println("The default graph is the union of all digests and cannot be written; "
                + "name the graph to write with ?graph=IRI.");
    }

    /** The request as if it had asked for {@code ?graph=union} instead of {@code ?default}. */
    private static final class UnionRead extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters;

        UnionRead(HttpServletRequest request) {
            super(request);
            Map<String, String[]> p = new LinkedHashMap<>(request.getParameterMap());
            p.remove(DEFAULT);
            p.put(GRAPH, new String[] {UNION});
            this.parameters = Collections.unmodifiableMap(p);
        }

        @Override
        public String getParameter(String name) {
            String[] v = parameters.get(name);
            return v == null || v.length == 0 ? null : v[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] v = parameters.get(name);
            return v == null ? null : v.clone();
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String getQueryString() {
            return GRAPH + "=" + UNION;
        }
    }
}
