package org.digestkg.explorer.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.NodeFactory;
import org.digestkg.explorer.service.Explorer;
import org.digestkg.explorer.service.Listing;
import org.digestkg.explorer.service.Text;
import org.digestkg.extractor.rdf.Iris;
import org.digestkg.storage.search.SearchHit;
import org.digestkg.storage.search.SearchRequest;
import org.digestkg.storage.search.SearchResults;
import org.digestkg.storage.search.SearchService;

/**
 * {@code /search?q=QUERY[&category=C][&since=DAY][&until=DAY][&page=N]}: papers matching, best first, a page of
 * {@link #PAGE} at a time, each with the text that matched and the matches marked; {@code /feed/search?q=...}: the
 * newest listings of the best matching papers as Atom. Both ask storage's {@link SearchService}, which {@code kg
 * search} and {@code /kg/search} ask too; a query it cannot read is answered 400 with its one-line message.
 */
final class SearchPages {

    /** Papers on a page of results. */
    static final int PAGE = 20;
    /** The feed follows this many of the best matching papers ... */
    static final int FEED_PAPERS = 50;
    /** ... and lists this many of their newest listings. */
    static final int FEED_ENTRIES = 50;

    private final Explorer explorer;

    SearchPages(Explorer explorer) {
        this.explorer = explorer;
    }

    void search(Exchange x) throws IOException {
        SearchService service = service(x);
        if (service == null) {
            return;
        }
        String q = x.param("q");
        Map<String, Object> page = new HashMap<>();
        page.put("frame", Frame.of(q == null ? "Search" : "Search: " + q, "/search")
                .withFeed(q == null ? null : "/feed/search?" + query(x)));
        page.put("q", q == null ? "" : q);
        page.put("category", orEmpty(x.param("category")));
        page.put("since", orEmpty(x.param("since")));
        page.put("until", orEmpty(x.param("until")));
        page.put("categories", explorer.categories().categories());
        page.put("problem", "");
        page.put("results", null);
        page.put("pager", List.of());
        if (q == null) {
            x.page(HttpServletResponse.SC_OK, "search.jte", page);
            return;
        }
        int number = pageNumber(x.param("page"));
        SearchResults results;
        try {
            results = service.search(request(x, q).page((number - 1) * PAGE, PAGE));
        } catch (IllegalArgumentException e) {  // a query it cannot read (BadQueryException), or days out of order
            page.put("problem", e.getMessage());
            x.page(HttpServletResponse.SC_BAD_REQUEST, "search.jte", page);
            return;
        }
        page.put("results", results);
        page.put("pager", pager(x, results.total(), number));
        x.page(HttpServletResponse.SC_OK, "search.jte", page);
    }

    void feed(Exchange x) throws IOException {
        SearchService service = service(x);
        if (service == null) {
            return;
        }
        String q = x.param("q");
        if (q == null) {
            throw new BadRequest("A search feed needs a search: /feed/search?q=...");
        }
        List<Listing> listings = new ArrayList<>();
        try {
            for (SearchHit h : service.search(request(x, q).page(0, FEED_PAPERS)).hits()) {
                Text snippet = h.snippet() == null ? null
                        : new Text(h.snippet().label() + ": " + h.snippet().text(), h.snippet().lang());
                for (LocalDate day : h.days()) {
                    String appearance = Iris.appearance(day, NodeFactory.createURI(h.paper())).getURI();
                    listings.add(new Listing(day, appearance, h.paper(), h.arxivId(), h.title(), snippet));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        // newest first; on one day, the better match first (the sort is stable, hits come best first)
        listings.sort(Comparator.comparing(Listing::date).reversed());
        String query = query(x);
        x.response().setContentType(AtomFeed.CONTENT_TYPE);
        AtomFeed.write(x.response().getOutputStream(), x.site(), "'" + q + "' in the digests (digest-kg)",
                x.path() + "?" + query, "/search?" + query,
                listings.subList(0, Math.min(FEED_ENTRIES, listings.size())));
    }

    /** The search the parameters ask for (the page aside). */
    private static SearchRequest request(Exchange x, String q) {
        return SearchRequest.of(q).category(x.param("category")).since(day(x, "since")).until(day(x, "until"));
    }

    private SearchService service(Exchange x) throws IOException {
        SearchService s = explorer.search().orElse(null);
        if (s == null) {
            OverviewPages.notFound(x, "No search here", "This store has no search index.",
                    List.of(Link.to("The explorer's home", "/")));
        }
        return s;
    }

    /** Links to the pages of results around this one: first, previous, next, last, with the same search. */
    private static List<Link> pager(Exchange x, long total, int number) {
        long pages = (total + PAGE - 1) / PAGE;
        List<Link> links = new ArrayList<>();
        if (number > 1) {
            links.add(Link.to("← Previous", pageHref(x, number - 1)));
        }
        if (pages > 1) {
            links.add(new Link("", null, "Page " + number + " of " + pages));
        }
        if (number < pages) {
            links.add(Link.to("Next →", pageHref(x, number + 1)));
        }
        return links;
    }

    private static String pageHref(Exchange x, int number) {
        return "/search?" + query(x) + "&page=" + number;
    }

    /** The search's parameters as a query string, page aside: {@code q=...&category=...}. */
    private static String query(Exchange x) {
        StringBuilder query = new StringBuilder("q=").append(Format.param(x.param("q")));
        for (String name : new String[] {"category", "since", "until"}) {
            if (x.param(name) != null) {
                query.append('&').append(name).append('=').append(Format.param(x.param(name)));
            }
        }
        return query.toString();
    }

    private static int pageNumber(String s) {
        if (s == null) {
            return 1;
        }
        try {
            int n = Integer.parseInt(s);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadRequest("'page' is a page number, 1 or more");
    }

    private static LocalDate day(Exchange x, String name) {
        return OverviewPages.day(x.param(name), name);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
