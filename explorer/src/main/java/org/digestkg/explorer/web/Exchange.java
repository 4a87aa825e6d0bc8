package org.digestkg.explorer.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

/**
 * One request and its answer: the raw path, parameters, and the ways a page answers — a rendered template, a
 * redirect, JSON, an error page.
 */
final class Exchange {

    /**
     * Scripts only from this server, no inline script at all; styles from here too ('unsafe-inline' for styles
     * only: the chart library sets style attributes on the elements it draws).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final HttpServletRequest req;
    private final HttpServletResponse resp;
    private final TemplateEngine templates;
    private final String path;

    Exchange(HttpServletRequest req, HttpServletResponse resp, TemplateEngine templates) {
        this.req = req;
        this.resp = resp;
        this.templates = templates;
        String uri = req.getRequestURI();
        String context = req.getContextPath();
        this.path = context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length())
                : uri;
    }

    HttpServletRequest request() {
        return req;
    }

    HttpServletResponse response() {
        return resp;
    }

    /** The request's path as sent: still percent-encoded, so it maps back to an IRI exactly. */
    String path() {
        return path;
    }

    /** A query parameter, stripped; null when missing or blank. */
    String param(String name) {
        String v = req.getParameter(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The server's own base URL as the client reached it, for absolute links (feeds). */
    String site() {
        String scheme = req.getScheme();
        int port = req.getServerPort();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String host = req.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + req.getContextPath();
    }

    /** Renders {@code template} with {@code params} as the answer, with {@code status}. */
    void page(int status, String template, Map<String, Object> params) throws IOException {
        Utf8ByteOutput out = new Utf8ByteOutput();
        templates.render(template, params, out);
        resp.setStatus(status);
        resp.setContentType("text/html;charset=utf-8");
        resp.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "same-origin");
        resp.setHeader("Vary", "Accept");
        resp.setContentLength(out.getContentLength());
        if (!isHead()) {
            try (OutputStream os = resp.getOutputStream()) {
                out.writeTo(os);
            }
        }
    }

    void json(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType("application/json;charset=utf-8");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentLength(body.length);
        if (!isHead()) {
            resp.getOutputStream().write(body);
        }
    }

    /** 303 See Other: the answer is at another URL (a name resolved to its author page, a form's target). */
    void seeOther(String location) {
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", location);
    }

    boolean isHead() {
        return "HEAD".equals(req.getMethod());
    }
}
