package org.digestkg.explorer.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Files served from the jar, so the pages work with no internet: the explorer's stylesheet and script, Apache
 * ECharts from its WebJar ({@code /assets/echarts/echarts.min.js}), and the Fuseki UI from jena-fuseki-ui under
 * {@code /fuseki/}. Only plain relative names are served (no {@code ..}, nothing outside these folders); each file
 * is read once, and sent gzipped to clients that accept it.
 */
final class Assets {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");
    private static final String OWN = "org/digestkg/explorer/web/assets/";
    private static final String FUSEKI_UI = "webapp/";
    private static final String ECHARTS = "META-INF/resources/webjars/echarts/" + version("echarts.version") + "/dist/";

    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css;charset=utf-8", "js", "text/javascript;charset=utf-8", "html", "text/html;charset=utf-8",
            "ico", "image/x-icon", "png", "image/png", "svg", "image/svg+xml", "json", "application/json",
            "woff2", "font/woff2", "map", "application/json");

    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    void asset(Exchange x, String name) throws IOException {
        if (name.startsWith("echarts/")) {
            serve(x, ECHARTS + name.substring("echarts/".length()), name, true);
        } else {
            serve(x, OWN + name, name, false);
        }
    }

    /** The Fuseki UI's files; its API calls under /fuseki/ are rewritten to the server's (see ExplorerModule). */
    void fusekiUi(Exchange x, String name) throws IOException {
        serve(x, FUSEKI_UI + (name.isEmpty() ? "index.html" : name), name.isEmpty() ? "index.html" : name, false);
    }

    private void serve(Exchange x, String resource, String name, boolean immutable) throws IOException {
        if (!SAFE_NAME.matcher(name).matches() || name.contains("..")) {
            OverviewPages.notFound(x, "No such file", "This server has no file " + name + ".", java.util.List.of());
            return;
        }
        Asset a = cache.computeIfAbsent(resource, Assets::load);
        if (a == Asset.MISSING) {
            cache.remove(resource);
            OverviewPages.notFound(x, "No such file", "This server has no file " + name + ".", java.util.List.of());
            return;
        }
        HttpServletResponse resp = x.response();
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(a.type);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        // versioned library files never change; the explorer's own may change with the next build
        resp.setHeader("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "public, max-age=3600");
        String accept = x.request().getHeader("Accept-Encoding");
        boolean gzip = a.gzipped != null && accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
        byte[] body = gzip ? a.gzipped : a.bytes;
        resp.setHeader("Vary", "Accept-Encoding");
        if (gzip) {
            resp.setHeader("Content-Encoding", "gzip");
        }
        resp.setContentLength(body.length);
        if (!x.isHead()) {
            resp.getOutputStream().write(body);
        }
    }

    private static Asset load(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Asset.MISSING;
            }
            byte[] bytes = in.readAllBytes();
            String ext = resource.substring(resource.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            String type = TYPES.getOrDefault(ext, "application/octet-stream");
            byte[] gzipped = null;
            if (bytes.length > 1024 && !type.startsWith("image/png") && !type.startsWith("font/")) {
                ByteArrayOutputStream b = new ByteArrayOutputStream(bytes.length / 3);
                try (GZIPOutputStream z = new GZIPOutputStream(b)) {
                    z.write(bytes);
                }
                gzipped = b.toByteArray();
            }
            return new Asset(bytes, gzipped, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A library's version as the build pinned it (assets.properties is filtered by Maven). */
    private static String version(String key) {
        Properties p = new Properties();
        try (InputStream in = Assets.class.getResourceAsStream("assets.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String v = p.getProperty(key);
        if (v == null || v.startsWith("$")) {
            throw new IllegalStateException("assets.properties has no " + key + ": was the module built by Maven?");
        }
        return v;
    }

    private record Asset(byte[] bytes, byte[] gzipped, String type) {
        static final Asset MISSING = new Asset(new byte[0], null, "");
    }
}
