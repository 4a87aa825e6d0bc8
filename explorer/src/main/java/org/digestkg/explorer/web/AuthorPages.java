package org.digestkg.explorer.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.digestkg.coauthorship.AuthorNameException;
import org.digestkg.coauthorship.AuthorRef;
import org.digestkg.explorer.service.AuthorProfile;
import org.digestkg.explorer.service.DescriptionService;
import org.digestkg.explorer.service.EgoNetwork;
import org.digestkg.explorer.service.Explorer;

/**
 * {@code /author/KEY}: an author, in HTML or RDF; {@code /author/KEY/network.json}: the co-author graph the page
 * draws; {@code /author?name=...}: the box that finds one; {@code /feed/author/KEY}: their Atom feed.
 */
final class AuthorPages {

    /** Co-authors listed on the page (all of them are in the RDF and the graph's JSON). */
    static final int COAUTHORS_SHOWN = 200;

    private final Explorer explorer;

    AuthorPages(Explorer explorer) {
        this.explorer = explorer;
    }

    void author(Exchange x) throws IOException {
        ResourcePage.answer(x, explorer, DescriptionService.Kind.AUTHOR, "/author/", explorer.authors()::profile,
                this::unknown, (ex, a) -> {
                    Frame frame = Frame.of(a.author().name(), ex.path()).withRdf().withFeed("/feed" + ex.path());
                    ex.page(HttpServletResponse.SC_OK, "author.jte", Map.of("frame", frame, "profile", a,
                            "timeline", timeline(a), "shown", Math.min(COAUTHORS_SHOWN, a.coauthors().size())));
                });
    }

    /** Papers per month of first listing, as the chart's JSON: {@code {"labels":[...],"values":[...]}}. */
    private static String timeline(AuthorProfile a) {
        TreeMap<String, Integer> months = new TreeMap<>();
        for (AuthorProfile.AuthorPaper p : a.papers()) {
            if (p.first() != null) {
                months.merge(p.first().toString().substring(0, 7), 1, Integer::sum);
            }
        }
        JsonObject o = new JsonObject();
        JsonArray labels = new JsonArray();
        JsonArray values = new JsonArray();
        months.forEach((m, n) -> {
            labels.add(m);
            values.add(n);
        });
        o.put("labels", labels);
        o.put("values", values);
        return JSON.toStringFlat(o);
    }

    /** The ego network as JSON: nodes (name, papers, distance, path), links (indexes, joint papers). */
    void network(Exchange x, String authorPath) throws IOException {
        String iri = SitePaths.iri(authorPath);
        String d = x.param("depth");
        int depth;
        if (d == null || d.equals("1")) {
            depth = 1;
        } else if (d.equals("2")) {
            depth = 2;
        } else {
            throw new BadRequest("depth is 1 or 2");
        }
        if (explorer.network().author(iri).isEmpty()) {
            OverviewPages.notFound(x, "No such author", "The graph has no author at " + authorPath + ".", List.of());
            return;
        }
        EgoNetwork n = explorer.network().egoNetwork(iri, depth);
        JsonObject o = new JsonObject();
        JsonArray nodes = new JsonArray();
        for (EgoNetwork.Node node : n.nodes()) {
            JsonObject j = new JsonObject();
            j.put("name", node.name());
            j.put("papers", node.papers());
            j.put("distance", node.distance());
            j.put("path", SitePaths.path(node.iri()));
            nodes.add(j);
        }
        JsonArray links = new JsonArray();
        for (EgoNetwork.Link l : n.links()) {
            JsonObject j = new JsonObject();
            j.put("source", l.source());
            j.put("target", l.target());
            j.put("papers", l.papers());
            links.add(j);
        }
        o.put("depth", depth);
        o.put("people", n.people());
        o.put("truncated", n.truncated());
        o.put("nodes", nodes);
        o.put("links", links);
        x.json(JSON.toStringFlat(o));
    }

    /** The "find an author" box: a name, exact or ignoring case and accents, to the author's page. */
    void find(Exchange x) throws IOException {
        String name = x.param("name");
        if (name == null) {
            throw new BadRequest("give a name: /author?name=Runjie Zhou");
        }
        try {
            AuthorRef a = explorer.network().resolve(name);
            x.seeOther(x.request().getContextPath() + SitePaths.path(a.iri()));
        } catch (AuthorNameException e) {
            closest(x, name, e.getMessage());
        }
    }

    void feed(Exchange x, String authorPath) throws IOException {
        String iri = SitePaths.iri(authorPath);
        Optional<AuthorRef> author = explorer.network().author(iri).map(s -> s.person());
        if (author.isEmpty()) {
            OverviewPages.notFound(x, "No such author", "The graph has no author at " + authorPath + ".", List.of());
            return;
        }
        x.response().setContentType(AtomFeed.CONTENT_TYPE);
        AtomFeed.write(x.response().getOutputStream(), x.site(), "Papers of " + author.get().name() + " (digest-kg)",
                x.path(), authorPath, explorer.authors().listings(iri));
    }

    /**
     * An author key with no author: a name that resolves (another spelling of a key, a key from before names were
     * merged) goes to the author's page; anything else gets the closest names.
     */
    private void unknown(Exchange x, String key) throws IOException {
        String name = decode(key).replace('_', ' ');
        try {
            AuthorRef a = explorer.network().resolve(name);
            String path = SitePaths.path(a.iri());
            if (path != null && !path.equals(x.path())) {
                x.seeOther(x.request().getContextPath() + path);
                return;
            }
        } catch (AuthorNameException | IllegalArgumentException e) {
            // not a name either: say so below
        }
        closest(x, name, "The graph has no author " + name + ".");
    }

    /** A path segment as text; a malformed escape leaves it as sent. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    private void closest(Exchange x, String name, String message) throws IOException {
        List<Link> links = new ArrayList<>();
        for (AuthorRef a : explorer.network().closestAuthors(name)) {
            links.add(Link.to(a.name(), SitePaths.path(a.iri())));
        }
        OverviewPages.notFound(x, "No such author", message, links);
    }
}
