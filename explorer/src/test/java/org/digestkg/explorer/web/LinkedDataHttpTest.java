package org.digestkg.explorer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.digestkg.explorer.SampleStore;
import org.digestkg.extractor.rdf.Iris;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;

/**
 * Linked Data and feeds: each resource's URL answers RDF in four syntaxes when asked (read back by Jena), and the
 * Atom feeds are Atom (read back by ROME).
 */
class LinkedDataHttpTest {

    static final ExplorerServer server = ExplorerServer.shared();

    /** Each kind of resource, its page, and a triple its description must hold. */
    record Resource(String path, String iri, String predicate) {
    }

    static List<Resource> resources() {
        String b = SampleStore.BASE;
        return List.of(
                new Resource("/paper/2602.02537", b + "paper/2602.02537", "http://purl.org/dc/terms/title"),
                new Resource("/author/Runjie_Zhou", b + "author/Runjie_Zhou", "http://xmlns.com/foaf/0.1/name"),
                new Resource(SitePaths.path(Iris.author("José Müller").getURI()), Iris.author("José Müller").getURI(),
                        "http://xmlns.com/foaf/0.1/name"),
                new Resource("/digest/2026-02-04", b + "digest/2026-02-04", "http://purl.org/dc/terms/date"),
                new Resource("/category/cs.CV", b + "category/cs.CV", "http://www.w3.org/2004/02/skos/core#notation"));
    }

    static final List<String[]> SYNTAXES = List.of(
            new String[] {"text/turtle", "TTL"}, new String[] {"application/n-triples", "NT"},
            new String[] {"application/ld+json", "JSONLD"}, new String[] {"application/rdf+xml", "RDFXML"});

    static Graph parse(String body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(body)).lang(lang).parse(g);
        return g;
    }

    @ParameterizedTest
    @MethodSource("resources")
    void eachResourceAnswersRdfInEverySyntaxItIsAskedFor(Resource r) {
        Node subject = NodeFactory.createURI(r.iri());
        for (String[] syntax : SYNTAXES) {
            HttpResponse<String> resp = server.get(r.path(), syntax[0]);
            assertEquals(200, resp.statusCode(), r.path() + " as " + syntax[0]);
            assertTrue(resp.headers().firstValue("Content-Type").orElse("").startsWith(syntax[0]), syntax[0]);
            Lang lang = switch (syntax[1]) {
                case "TTL" -> Lang.TURTLE;
                case "NT" -> Lang.NTRIPLES;
                case "JSONLD" -> Lang.JSONLD;
                default -> Lang.RDFXML;
            };
            Graph g = parse(resp.body(), lang);
            assertTrue(g.contains(subject, NodeFactory.createURI(r.predicate()), Node.ANY),
                    r.path() + " as " + syntax[0] + " lacks " + r.predicate() + ":\n" + resp.body());
        }
        HttpResponse<String> html = server.get(r.path(), "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), "a browser gets HTML");
        HttpResponse<String> byParameter = server.get(r.path() + "?format=ttl");
        assertTrue(parse(byParameter.body(), Lang.TURTLE).contains(subject, Node.ANY, Node.ANY));
    }

    @Test
    void aPapersDescriptionHoldsItsAuthorshipAndAppearanceNodes() {
        Graph g = parse(server.get("/paper/2602.02537", "application/n-triples").body(), Lang.NTRIPLES);
        String listing = SampleStore.BASE + "digest/2026-02-04/paper/2602.02537";
        assertTrue(g.contains(NodeFactory.createURI(listing), NodeFactory.createURI(
                "https://w3id.org/digest-kg/ontology#tldr"), Node.ANY));
        assertTrue(g.contains(NodeFactory.createURI(listing + "/author/19"), Node.ANY, Node.ANY));
    }

    @Test
    void anUnknownResourceIs404InRdfToo() {
        assertEquals(404, server.get("/paper/2699.99999", "text/turtle").statusCode());
        assertEquals(404, server.get("/author/Nobody_At_All", "text/turtle").statusCode());
    }

    static Feed feed(String path) throws Exception {
        HttpResponse<String> r = server.get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
        WireFeedInput input = new WireFeedInput();
        input.setXmlHealerOn(false);
        var wire = input.build(new StringReader(r.body()));
        assertEquals("atom_1.0", wire.getFeedType(), r.body());
        return (Feed) wire;
    }

    @Test
    void theCategoryFeedIsAtomWithTheNewestListingsFirst() throws Exception {
        Feed f = feed("/feed/category/cs.MA");
        List<Entry> entries = f.getEntries();
        assertEquals(3, entries.size());
        assertEquals(SampleStore.BASE + "digest/2026-03-01/paper/2602.17875", entries.get(0).getId());
        assertTrue(entries.get(0).getAlternateLinks().get(0).getHref().endsWith("/paper/2602.17875"));
        for (int i = 1; i < entries.size(); i++) {
            assertFalse(entries.get(i).getUpdated().after(entries.get(i - 1).getUpdated()), "newest first");
        }
    }

    @Test
    void theAuthorFeedIsAtomAndKeepsTheTitlesMarkupAsText() throws Exception {
        Feed f = feed("/feed/author/Mallory_O%27Brien");
        assertEquals(2, f.getEntries().size());
        Entry e = f.getEntries().stream().filter(x -> x.getId().endsWith("/paper/2603.00001")).findFirst().orElseThrow();
        assertTrue(e.getTitle().startsWith("<script>alert(\"title\")</script>"), e.getTitle());
        assertTrue(e.getSummary().getValue().contains("</p><script>"), e.getSummary().getValue());
        assertEquals(1, feed("/feed/author/Runjie_Zhou").getEntries().size());
    }

    @Test
    void feedsOfNothingAre404() {
        assertEquals(404, server.get("/feed/author/Nobody_At_All").statusCode());
        assertEquals(404, server.get("/feed/category/cs.XX").statusCode());
    }
}
