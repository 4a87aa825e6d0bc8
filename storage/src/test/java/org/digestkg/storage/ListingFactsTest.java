package org.digestkg.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.digestkg.extractor.model.ArxivId;
import org.digestkg.extractor.model.Digest;
import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.rdf.Iris;
import org.digestkg.extractor.rdf.ListingPolicy;
import org.digestkg.extractor.rdf.RdfMapper;
import org.junit.jupiter.api.Test;

/** Demoting and promoting a listing gives exactly the graph the mapper writes for an older or the latest listing. */
class ListingFactsTest {

    static final LocalDate DAY = LocalDate.parse("2026-02-04");
    static final Node GRAPH = Iris.digest(DAY);

    static Paper listing() {
        ArxivId id = ArxivId.parse("2602.02537v1").orElseThrow();
        return new Paper(10, 1, "cs.CV", id.absUrl(), id, "WorldVQA: Measuring Atomic World Knowledge",
                List.of("Runjie Zhou", "Youbo Shao", "Haoyu Lu"), "cs.CV",
                Map.of(Field.ABSTRACT, "We introduce WorldVQA.", Field.COMMENT, "12 pages",
                        Field.KEYWORDS, "benchmark, knowledge", Field.TLDR, "一个基准。"), List.of());
    }

    static DatasetGraph map(ListingPolicy policy) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RdfMapper mapper = new RdfMapper(StreamRDFLib.dataset(dsg), policy);
        mapper.start(new Digest(DAY, "2026-02-04.md", null));
        mapper.paper(listing());
        mapper.finish();
        return dsg;
    }

    @Test
    void demotingALatestListingGivesTheOlderListingsGraphAndPromotingGivesItBack() {
        Node paper = Iris.paper(listing());
        DatasetGraph latest = map(ListingPolicy.ALWAYS_LATEST);
        DatasetGraph older = map((p, d) -> false);
        assertFalse(latest.getGraph(GRAPH).isIsomorphicWith(older.getGraph(GRAPH)));

        ListingFacts.demote(latest, paper, DAY);
        assertTrue(latest.getGraph(GRAPH).isIsomorphicWith(older.getGraph(GRAPH)));

        ListingFacts.promote(older, paper, DAY);
        assertTrue(older.getGraph(GRAPH).isIsomorphicWith(map(ListingPolicy.ALWAYS_LATEST).getGraph(GRAPH)));
    }
}
