package org.digestkg.explorer.web;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.digestkg.explorer.service.CategoryCount;
import org.digestkg.explorer.service.DayCount;
import org.digestkg.explorer.service.DescriptionService;
import org.digestkg.explorer.service.Explorer;

/**
 * {@code /category/CODE}: a category, in HTML or RDF; {@code /category/}: all of them;
 * {@code /feed/category/CODE}: its Atom feed.
 */
final class CategoryPages {

    private final Explorer explorer;

    CategoryPages(Explorer explorer) {
        this.explorer = explorer;
    }

    void categories(Exchange x) throws IOException {
        x.page(HttpServletResponse.SC_OK, "categories.jte", Map.of("frame", Frame.of("Categories", "/category/"),
                "categories", explorer.categories().categories()));
    }

    void category(Exchange x) throws IOException {
        ResourcePage.answer(x, explorer, DescriptionService.Kind.CATEGORY, "/category/", explorer.categories()::category,
                this::notFound, (ex, c) -> {
                    Frame frame = Frame.of(c.category().display(), ex.path()).withRdf().withFeed("/feed" + ex.path());
                    ex.page(HttpServletResponse.SC_OK, "category.jte", Map.of("frame", frame, "details", c,
                            "chart", perDay(c.perDay())));
                });
    }

    void feed(Exchange x, String categoryPath) throws IOException {
        String iri = SitePaths.iri(categoryPath);
        Optional<String> code = explorer.categories().ref(iri).map(c -> c.code());
        if (code.isEmpty()) {
            notFound(x, categoryPath.substring("/category/".length()));
            return;
        }
        x.response().setContentType(AtomFeed.CONTENT_TYPE);
        AtomFeed.write(x.response().getOutputStream(), x.site(), code.get() + " in the digests (digest-kg)", x.path(),
                categoryPath, explorer.categories().listings(code.get()));
    }

    static String perDay(List<DayCount> days) {
        JsonObject o = new JsonObject();
        JsonArray labels = new JsonArray();
        JsonArray values = new JsonArray();
        for (DayCount d : days) {
            labels.add(d.date().toString());
            values.add(d.papers());
        }
        o.put("labels", labels);
        o.put("values", values);
        return JSON.toStringFlat(o);
    }

    private void notFound(Exchange x, String code) throws IOException {
        String wanted = code.toLowerCase(Locale.ROOT);
        List<Link> links = explorer.categories().categories().stream()
                .sorted(Comparator.comparing((CategoryCount c) -> !c.category().code().toLowerCase(Locale.ROOT)
                        .startsWith(wanted.length() > 2 ? wanted.substring(0, 3) : wanted)))
                .limit(8)
                .map(c -> new Link(c.category().display(), SitePaths.path(c.category().iri()),
                        Format.plural(c.count(), "listing", "listings")))
                .toList();
        OverviewPages.notFound(x, "No such category", "The digests list nothing under " + code + ".", links);
    }
}
