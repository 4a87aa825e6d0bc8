package org.digestkg.explorer.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.digestkg.explorer.service.CategoryRef;
import org.digestkg.storage.search.Snippet;

/** How the pages write things: numbers, plurals, links to resources, external links that are safe to follow. */
public final class Format {

    private Format() {
    }

    /** {@code 1,902}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 1 paper}, {@code 214 papers}. */
    public static String plural(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }

    public static String decimal(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    /** The page of a resource of the graph (an IRI from the store), or null for an IRI from elsewhere. */
    public static String to(String iri) {
        return SitePaths.path(iri);
    }

    /** A value for a URL's query string. */
    public static String param(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    public static String day(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    public static String category(CategoryRef c) {
        return c == null ? "" : c.display();
    }

    /**
     * A link to another site only when it is http or https: a digest can print any "URL", and a
     * {@code javascript:} one must never become a link.
     */
    public static String external(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("https://") || u.startsWith("http://") ? url.strip() : null;
    }

    /**
     * A search snippet cut into the pieces between and at its matches, for a template to print each escaped and
     * the matches marked ({@code <mark>}): the marks are never part of the text.
     */
    public static List<Piece> pieces(Snippet snippet) {
        List<Piece> pieces = new ArrayList<>();
        if (snippet == null) {
            return pieces;
        }
        String text = snippet.text();
        int at = 0;
        for (Snippet.Span s : snippet.highlights()) {
            int start = Math.max(at, Math.min(s.start(), text.length()));
            int end = Math.max(start, Math.min(s.end(), text.length()));
            if (start > at) {
                pieces.add(new Piece(text.substring(at, start), false));
            }
            if (end > start) {
                pieces.add(new Piece(text.substring(start, end), true));
            }
            at = end;
        }
        if (at < text.length()) {
            pieces.add(new Piece(text.substring(at), false));
        }
        return pieces;
    }

    /** Part of a snippet: a match, or the text around matches. */
    public record Piece(String text, boolean match) {
    }
}
