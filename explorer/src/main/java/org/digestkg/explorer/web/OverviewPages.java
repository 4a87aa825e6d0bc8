package org.digestkg.explorer.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.digestkg.coauthorship.AuthorNameException;
import org.digestkg.coauthorship.AuthorRef;
import org.digestkg.coauthorship.CollaborationPath;
import org.digestkg.explorer.service.CategoryTrends;
import org.digestkg.explorer.service.DigestDay;
import org.digestkg.explorer.service.Explorer;
import org.digestkg.explorer.service.TermTrends;

/** The pages about the whole graph: home, trends, collaboration paths; and the 404 page every page shares. */
final class OverviewPages {

    /** Days the home page lists. */
    static final int LATEST_DAYS = 10;
    /** Categories the trends chart draws apart; the rest are summed as "other". */
    static final int TREND_CATEGORIES = 12;
    /** Searches the terms chart compares at most. */
    static final int TERMS = 5;

    private final Explorer explorer;

    OverviewPages(Explorer explorer) {
        this.explorer = explorer;
    }

    void home(Exchange x) throws IOException {
        record Home(List<DigestDay.DayRef> days, int dayCount, List<org.digestkg.explorer.service.CategoryCount> categories,
                int[] size) {
        }
        Home h = explorer.read(() -> {
            List<DigestDay.DayRef> days = explorer.digests().days();
            return new Home(days.subList(0, Math.min(LATEST_DAYS, days.size())), days.size(),
                    explorer.categories().categories(), explorer.network().size());
        });
        x.page(HttpServletResponse.SC_OK, "home.jte", Map.of("frame", Frame.of("digest-kg explorer", "/"),
                "days", h.days(), "dayCount", h.dayCount(), "categories", h.categories(),
                "authors", h.size()[0], "papers", h.size()[1]));
    }

    void trends(Exchange x) throws IOException {
        LocalDate from = day(x.param("from"), "from");
        LocalDate to = day(x.param("to"), "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequest("'from' is after 'to'");
        }
        List<String> terms = terms(x);
        boolean weekly = "week".equals(x.param("by"));
        CategoryTrends t = explorer.trends().categories(from, to, TREND_CATEGORIES);
        Map<String, Object> page = new HashMap<>(Map.of("frame", Frame.of("Trends", "/trends"),
                "trends", t, "from", from == null ? "" : from.toString(), "to", to == null ? "" : to.toString(),
                "chart", chart(t), "terms", terms, "weekly", weekly, "problem", "", "termChart", ""));
        page.put("termTrends", null);
        page.put("searchable", explorer.search().isPresent());
        int status = HttpServletResponse.SC_OK;
        if (!terms.isEmpty() && explorer.search().isPresent()) {
            try {
                TermTrends tt = explorer.trends().terms(terms, from, to, weekly);
                page.put("termTrends", tt);
                page.put("termChart", chart(tt));
            } catch (IllegalArgumentException e) {   // a search it cannot read: say which
                page.put("problem", e.getMessage());
                status = HttpServletResponse.SC_BAD_REQUEST;
            }
        }
        x.page(status, "trends.jte", page);
    }

    /** The searches to compare: the non-blank {@code term} parameters, at most {@link #TERMS}, each once. */
    private static List<String> terms(Exchange x) {
        String[] values = x.request().getParameterValues("term");
        if (values == null) {
            return List.of();
        }
        return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).map(String::strip).distinct()
                .limit(TERMS).toList();
    }

    /** The stacked chart's data: papers per category per day. */
    private static String chart(CategoryTrends t) {
        Map<String, long[]> series = new LinkedHashMap<>();
        t.series().forEach(s -> series.put(s.category(), Arrays.stream(s.papers()).asLongStream().toArray()));
        return chart(t.days(), series);
    }

    /** The terms chart's data: each search's listings per period. */
    private static String chart(TermTrends t) {
        Map<String, long[]> series = new LinkedHashMap<>();
        t.series().forEach(s -> series.put(s.query(), s.listings()));
        return chart(t.periods(), series);
    }

    /**
     * A chart's data, for a {@code data-series} attribute: {@code {"axis":["2026-02-04",...],"series":[{"name":
     * "cs.CV","values":[...]}, ...]}}, each series' values aligned on the axis.
     */
    private static String chart(List<LocalDate> axis, Map<String, long[]> series) {
        JsonArray points = new JsonArray();
        axis.forEach(d -> points.add(d.toString()));
        JsonArray all = new JsonArray();
        series.forEach((name, values) -> {
            JsonObject j = new JsonObject();
            j.put("name", name);
            JsonArray v = new JsonArray();
            for (long n : values) {
                v.add(n);
            }
            j.put("values", v);
            all.add(j);
        });
        JsonObject o = new JsonObject();
        o.put("axis", points);
        o.put("series", all);
        return JSON.toStringFlat(o);
    }

    /** {@code /path?from=NAME&to=NAME}: the shortest collaboration chain, with the paper behind each step. */
    void path(Exchange x) throws IOException {
        String from = x.param("from");
        String to = x.param("to");
        Frame frame = Frame.of("Collaboration path", "/path");
        if (from == null || to == null) {
            x.page(HttpServletResponse.SC_OK, "path.jte", Map.of("frame", frame, "from", from == null ? "" : from,
                    "to", to == null ? "" : to, "problem", "", "found", false, "chain", "",
                    "path", new CollaborationPath(List.of(), List.of())));
            return;
        }
        AuthorRef a;
        AuthorRef b;
        try {
            a = explorer.network().resolve(nameOrKey(from));
            b = explorer.network().resolve(nameOrKey(to));
        } catch (AuthorNameException e) {
            x.page(HttpServletResponse.SC_NOT_FOUND, "path.jte", Map.of("frame", frame, "from", from, "to", to,
                    "problem", e.getMessage(), "found", false, "chain", "",
                    "path", new CollaborationPath(List.of(), List.of())));
            return;
        }
        Optional<CollaborationPath> p = explorer.network().path(a, b);
        x.page(HttpServletResponse.SC_OK, "path.jte", Map.of("frame", frame, "from", from, "to", to,
                "problem", p.isPresent() ? "" : a.name() + " and " + b.name() + " are not connected by co-authorship.",
                "found", p.isPresent(), "chain", p.map(OverviewPages::chain).orElse(""),
                "path", p.orElse(new CollaborationPath(List.of(a, b), List.of()))));
    }

    /** The chain as JSON for the drawing: people in order, with their pages. */
    private static String chain(CollaborationPath p) {
        JsonArray people = new JsonArray();
        for (AuthorRef a : p.authors()) {
            JsonObject j = new JsonObject();
            j.put("name", a.name());
            j.put("path", SitePaths.path(a.iri()));
            people.add(j);
        }
        JsonObject o = new JsonObject();
        o.put("people", people);
        return JSON.toStringFlat(o);
    }

    /** A path's ends are names, or an author page's key ({@code Runjie_Zhou}) pasted from a URL. */
    private static String nameOrKey(String s) {
        String t = s.strip();
        int slash = t.lastIndexOf("/author/");
        return slash >= 0 ? t.substring(slash + "/author/".length()).replace('_', ' ') : t;
    }

    /** A day parameter ({@code from=2026-02-04}), null when absent; otherwise a 400 that says the form. */
    static LocalDate day(String s, String name) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new BadRequest("'" + name + "' is a day like 2026-02-04");
        }
    }

    /** The 404 page: what was not found, and links to what is closest. */
    static void notFound(Exchange x, String title, String message, List<Link> closest) throws IOException {
        x.page(HttpServletResponse.SC_NOT_FOUND, "notfound.jte", Map.of("frame", Frame.of(title, x.path()),
                "message", message, "closest", closest));
    }
}
