package org.digestkg.extractor.rdf;

import static org.digestkg.extractor.rdf.Listings.digest;
import static org.digestkg.extractor.rdf.Listings.iri;
import static org.digestkg.extractor.rdf.Listings.objects;
import static org.digestkg.extractor.rdf.Listings.only;
import static org.digestkg.extractor.rdf.Listings.paper;
import static org.digestkg.extractor.rdf.Listings.predicates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Paper;
import org.junit.jupiter.api.Test;

/** The latest listing rule: only a paper's latest listing states its title, authors, category and abstract. */
class ListingRuleTest {

    static final LocalDate DAY = LocalDate.parse("2026-02-04");
    static final Node GRAPH = iri("digest/2026-02-04");
    static final Node PAPER = iri("paper/2602.02537");
    static final Node APPEARANCE = iri("digest/2026-02-04/paper/2602.02537");

    static Paper listing() {
        return paper("2602.02537v1")
                .field(Field.ABSTRACT, "We introduce WorldVQA.")
                .field(Field.COMMENT, "12 pages")
                .field(Field.KEYWORDS, "benchmark, knowledge")
                .field(Field.TLDR, "一个基准。")
                .categories("cs.CV", "cs.AI").code("https://github.com/x/y")
                .build();
    }

    static DatasetGraph map(ListingPolicy policy, Paper p) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RdfMapper mapper = new RdfMapper(StreamRDFLib.dataset(dsg), policy);
        mapper.start(digest(DAY.toString()));
        mapper.paper(p);
        mapper.finish();
        return dsg;
    }

    @Test
    void olderListingKeepsItsMetadataOnTheAppearance() {
        List<String> asked = new ArrayList<>();
        Graph g = map((paper, day) -> {
            asked.add(paper.getURI() + " " + day);
            return false;
        }, listing()).getGraph(GRAPH);

        assertEquals(List.of(PAPER.getURI() + " 2026-02-04"), asked, "the policy is asked once, with paper and day");
        assertEquals(Set.of(RDF.type, DKG.arxivId, FOAF.page, DKG.doi, DKG.doiLink), predicates(g, PAPER),
                "the paper node of an older listing says only what never changes");
        assertTrue(g.find(Node.ANY, DCTERMS.creator, Node.ANY).toList().isEmpty(), "no dcterms:creator at all");

        assertEquals("WorldVQA: Measuring Atomic World Knowledge in Multimodal Large Language Models",
                only(g, APPEARANCE, DCTERMS.title).getLiteralLexicalForm());
        assertEquals("en", only(g, APPEARANCE, DCTERMS.abstract_).getLiteralLanguage());
        assertEquals(iri("category/cs.CV"), only(g, APPEARANCE, DKG.mainCategory));
        assertEquals("12 pages", only(g, APPEARANCE, DKG.arxivComment).getLiteralLexicalForm());
        assertEquals(3, objects(g, APPEARANCE, DKG.authorship).size());
        // the authorship nodes and summaries are the same either way
        assertEquals(iri("author/Runjie_Zhou"), only(g, iri("digest/2026-02-04/paper/2602.02537/author/1"), DKG.author));
        assertEquals("zh", only(g, APPEARANCE, DKG.tldr).getLiteralLanguage());
    }

    @Test
    void latestListingPutsItsMetadataOnThePaper() {
        Graph g = map(ListingPolicy.ALWAYS_LATEST, listing()).getGraph(GRAPH);
        for (Node p : RdfMapper.LISTING_FACTS) {
            assertFalse(objects(g, PAPER, p).isEmpty(), "paper has " + p);
            assertTrue(objects(g, APPEARANCE, p).isEmpty(), "appearance has no " + p);
        }
        assertEquals(3, objects(g, PAPER, DCTERMS.creator).size());
    }
}
