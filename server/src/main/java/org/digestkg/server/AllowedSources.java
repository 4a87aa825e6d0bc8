package org.digestkg.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The places a served graph may read from on a client's behalf: the sources of SPARQL Update {@code LOAD} and the
 * endpoints of {@code SERVICE} calls. None by default — nothing a client sends makes the server read a local file
 * or fetch a URL.
 *
 * <p>Each allowed source is a prefix: an {@code http:} or {@code https:} URL, or a {@code file:} URL (an absolute
 * path is taken as one). A source is allowed when it has the prefix's scheme, host and port and its path is the
 * prefix's path or lies below it ({@code http://example.org/rdf} allows {@code http://example.org/rdf/a.ttl}, not
 * {@code http://example.org/rdfx}). Sources with {@code .} or {@code ..} segments, encoded slashes or user
 * information are never allowed, so a prefix cannot be left by path tricks. Redirects an allowed server answers
 * with are followed.
 */
public record AllowedSources(List<URI> prefixes) {

    private static final Set<String> SCHEMES = Set.of("http", "https", "file");

    public AllowedSources {
        prefixes = List.copyOf(prefixes);
    }

    /** Nothing may be read. */
    public static AllowedSources none() {
        return new AllowedSources(List.of());
    }

    /**
     * @param prefixes URLs ({@code http:}, {@code https:}, {@code file:}) or absolute paths
     * @throws IllegalArgumentException naming a prefix that is none of these
     */
    public static AllowedSources of(Collection<String> prefixes) {
        List<URI> uris = new ArrayList<>();
        for (String p : prefixes) {
            uris.add(prefix(p));
        }
        return new AllowedSources(uris);
    }

    public boolean isEmpty() {
        return prefixes.isEmpty();
    }

    /** True when {@code iri} may be read: it lies under one of the prefixes. */
    public boolean permits(String iri) {
        URI source = parse(iri);
        if (source == null) {
            return false;
        }
        for (URI prefix : prefixes) {
            if (sameOrigin(prefix, source) && below(prefix.getPath(), source.getPath())) {
                return true;
            }
        }
        return false;
    }

    /** How a refusal describes what is allowed. */
    String describe() {
        return prefixes.isEmpty() ? "this server reads no files or URLs for its clients"
                : "this server reads only from " + String.join(", ", prefixes.stream().map(u -> "<" + u + ">").toList());
    }

    private static URI prefix(String text) {
        String t = text.strip();
        if (t.startsWith("/")) {
            return Path.of(t).toAbsolutePath().normalize().toUri();
        }
        URI u = parse(t);
        if (u == null) {
            throw new IllegalArgumentException("not an http, https or file URL, nor an absolute path: " + text);
        }
        return u;
    }

    /** The URL as a source, or null when it is none that could be allowed. */
    private static URI parse(String iri) {
        URI u;
        try {
            u = new URI(iri);
        } catch (URISyntaxException | NullPointerException e) {
            return null;
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme) || u.isOpaque() || u.getPath() == null || !u.getPath().startsWith("/")
                || u.getRawUserInfo() != null) {
            return null;
        }
        if (!scheme.equals("file") && (u.getHost() == null || u.getHost().isEmpty())) {
            return null;
        }
        String raw = u.getRawPath().toLowerCase(Locale.ROOT);
        if (raw.contains("%2f") || raw.contains("%5c") || raw.contains("\\")) {
            return null;
        }
        for (String segment : u.getPath().split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return null;
            }
        }
        return u;
    }

    private static boolean sameOrigin(URI prefix, URI source) {
        String scheme = prefix.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals(source.getScheme().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (scheme.equals("file")) {
            return true;
        }
        return prefix.getHost().equalsIgnoreCase(source.getHost()) && port(prefix) == port(source);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static boolean below(String prefixPath, String sourcePath) {
        if (sourcePath.equals(prefixPath)) {
            return true;
        }
        String dir = prefixPath.endsWith("/") ? prefixPath : prefixPath + "/";
        return sourcePath.startsWith(dir);
    }
}
