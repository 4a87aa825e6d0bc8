package org.digestkg.server.search;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.QueryCancelledException;
import org.digestkg.storage.search.SearchJson;
import org.digestkg.storage.search.SearchRequest;
import org.digestkg.storage.search.SearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /kg/search?q=QUERY[&category=C][&since=DAY][&until=DAY][&offset=N][&limit=N]}: papers matching, best
 * first, as {@link SearchJson} describes; {@code GET /kg/search/days?q=...} the papers matching per day listed.
 * A query that cannot be read, or a bad parameter, is a 400 with {@code {"error": "one line"}}; never a 500 for
 * anything the client sent.
 */
final class SearchServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(SearchServlet.class);
    /** Hits per page at most, so one request cannot ask the server to format the whole store. */
    static final int MAX_LIMIT = 1000;

    private final transient SearchService service;

    SearchServlet(SearchService service) {
        this.service = service;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        JsonObject answer;
        try {
            SearchRequest request = request(req);
            boolean days = req.getRequestURI().endsWith("/days");
            answer = days ? SearchJson.of(request, service.perDay(request)) : SearchJson.of(service.search(request));
        } catch (IllegalArgumentException e) { // a BadQueryException, or a bad parameter
            send(resp, HttpServletResponse.SC_BAD_REQUEST, error(e.getMessage()));
            return;
        } catch (QueryCancelledException e) {
            send(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, error("the search took too long and was stopped"));
            return;
        } catch (RuntimeException e) {
            LOG.warn("search failed: {}", e.toString());
            send(resp, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, error("the search failed on the server"));
            return;
        }
        send(resp, HttpServletResponse.SC_OK, answer);
    }

    private static SearchRequest request(HttpServletRequest req) {
        String q = req.getParameter("q");
        if (q == null || q.isBlank()) throw new IllegalArgumentException("parameter q (the search) is required");
        int offset = number(req, "offset", 0, Integer.MAX_VALUE);
        int limit = number(req, "limit", SearchRequest.DEFAULT_LIMIT, MAX_LIMIT);
        return new SearchRequest(q, req.getParameter("category"), day(req, "since"), day(req, "until"), offset, limit);
    }

    private static int number(HttpServletRequest req, String name, int otherwise, int max) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) return otherwise;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 0 || n > max) throw new IllegalArgumentException("parameter " + name + " must be 0 to " + max);
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " must be a whole number, not '" + v + "'");
        }
    }

    private static LocalDate day(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) return null;
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("parameter " + name + " must be a day, YYYY-MM-DD, not '" + v + "'");
        }
    }

    private static JsonObject error(String message) {
        JsonObject o = new JsonObject();
        o.put("error", message);
        return o;
    }

    private static void send(HttpServletResponse resp, int status, JsonObject json) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.setHeader("Cache-Control", "no-cache");
        try (OutputStream out = resp.getOutputStream()) {
            JSON.write(out, json);
        }
    }
}
