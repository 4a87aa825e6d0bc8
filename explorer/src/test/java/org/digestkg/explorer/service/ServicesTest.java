package org.digestkg.explorer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.digestkg.coauthorship.AuthorRef;
import org.digestkg.coauthorship.CollaborationPath;
import org.digestkg.explorer.SampleStore;
import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.parse.DigestParser;
import org.digestkg.extractor.rdf.Iris;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The services on a real TDB2 store of the samples, checked against what the parser reads from the markdown. */
class ServicesTest {

    static Explorer explorer;
    static Path feb04 = SampleStore.root().resolve("data/2026-02-04.md");
    static Path feb23 = SampleStore.root().resolve("data/2026-02-23.md");

    @BeforeAll
    static void open() {
        explorer = Explorer.over(SampleStore.get().datasetGraph(), null);
    }

    static Paper entry(Path digest, String arxivId) {
        return SampleStore.parse(digest).stream()
                .filter(p -> p.arxivId() != null && p.arxivId().id().equals(arxivId)).findFirst().orElseThrow();
    }

    @Test
    void aPaperHasItsAuthorsInOrderItsCategoryAndEachDaysSummaries() {
        Paper source = entry(feb04, "2602.02537");
        PaperDetails p = explorer.papers().paper(SampleStore.WORLD_VQA).orElseThrow();
        assertEquals(source.title(), p.title());
        assertEquals(source.authors(), p.authors().stream().map(PaperDetails.AuthorLink::printedName).toList());
        assertEquals(SampleStore.RUNJIE_ZHOU, p.authors().get(0).iri());
        assertEquals("cs.CV", p.mainCategory().code());
        assertEquals(source.fields().get(Field.ABSTRACT), p.abstractText().value());
        assertEquals("https://arxiv.org/pdf/2602.02537", p.pdfUrl());
        assertEquals("https://doi.org/10.48550/arXiv.2602.02537", p.doiUrl());
        assertEquals(1, p.listings().size());
        PaperListing day = p.listings().get(0);
        assertEquals(LocalDate.of(2026, 2, 4), day.date());
        assertEquals(source.fields().get(Field.TLDR), day.summaries().get(0).text().value());
        assertEquals(List.of("TL;DR", "Motivation", "Method", "Result", "Conclusion"),
                day.summaries().stream().map(PaperListing.Field::label).toList());
        assertEquals("zh", day.summaries().get(0).text().lang());
    }

    @Test
    void aPaperListedTwiceShowsBothDaysNewestFirstWithTheOlderTitleKept() {
        PaperDetails p = explorer.papers().paper(SampleStore.RELISTED_PAPER).orElseThrow();
        assertEquals("MultiVer, listed again: Zero-Shot Multi-Agent Vulnerability Detection", p.title());
        assertEquals(List.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 23)),
                p.listings().stream().map(PaperListing::date).toList());
        assertNull(p.listings().get(0).earlierTitle());
        assertEquals(entry(feb23, "2602.17875").title(), p.listings().get(1).earlierTitle());
        assertEquals(2, p.listings().get(0).version());
    }

    @Test
    void anUnknownPaperIsEmptyAndItsClosestIdsAreSuggested() {
        assertTrue(explorer.papers().paper(SampleStore.BASE + "paper/2602.02538x").isEmpty());
        assertEquals("2602.02537", explorer.network().closestPapers("2602.02538").get(0).arxivId());
    }

    @Test
    void relatedPapersShareAnAuthor() {
        PaperDetails p = explorer.papers().paper(SampleStore.WORLD_VQA).orElseThrow();
        assertFalse(p.related().isEmpty());
        for (PaperDetails.RelatedPaper r : p.related()) {
            PaperDetails other = explorer.papers().paper(r.iri()).orElseThrow();
            long shared = other.authors().stream().map(PaperDetails.AuthorLink::iri)
                    .filter(a -> p.authors().stream().anyMatch(x -> x.iri().equals(a))).count();
            assertEquals(shared, r.sharedAuthors(), r.arxivId());
        }
    }

    @Test
    void anAuthorHasPapersCoauthorsWithJointCountsAndCategories() {
        AuthorProfile a = explorer.authors().profile(SampleStore.RUNJIE_ZHOU).orElseThrow();
        assertEquals("Runjie Zhou", a.author().name());
        assertEquals(List.of("2602.02537"), a.papers().stream().map(AuthorProfile.AuthorPaper::arxivId).toList());
        List<String> coauthors = entry(feb04, "2602.02537").authors().subList(1, 19);
        assertEquals(coauthors.stream().sorted().toList(),
                a.coauthors().stream().map(c -> c.person().name()).sorted().toList());
        assertTrue(a.coauthors().stream().allMatch(c -> c.jointPapers() == 1));
        assertEquals("cs.CV", a.categories().get(0).category().code());
        assertTrue(explorer.authors().profile(SampleStore.BASE + "author/Nobody_Here").isEmpty());
    }

    @Test
    void theEgoNetworkHoldsTheAuthorTheirCoauthorsAndTheLinksAmongThem() {
        EgoNetwork n = explorer.network().egoNetwork(SampleStore.RUNJIE_ZHOU, 1);
        assertEquals(19, n.nodes().size());
        assertEquals(SampleStore.RUNJIE_ZHOU, n.nodes().get(0).iri());
        // one paper of 19 authors: everyone wrote with everyone
        assertEquals(19 * 18 / 2, n.links().size());
        EgoNetwork two = explorer.network().egoNetwork(SampleStore.RUNJIE_ZHOU, 2);
        assertTrue(two.nodes().size() > n.nodes().size());
        assertTrue(two.nodes().stream().anyMatch(x -> x.distance() == 2));
    }

    @Test
    void aPathGoesThroughJointPapers() {
        AuthorRef from = explorer.network().resolve("Runjie Zhou");
        AuthorRef to = explorer.network().resolve("Boyu Zhu");
        CollaborationPath path = explorer.network().path(from, to).orElseThrow();
        assertEquals(2, path.distance());
        assertEquals("2602.02537", path.links().get(0).paper().arxivId());
    }

    @Test
    void aDigestDayListsItsPapersBySectionInTheDigestsOrder() {
        DigestDay day = explorer.digests().day(SampleStore.BASE + "digest/2026-02-23").orElseThrow();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (Paper p : SampleStore.parse(feb23)) {
            expected.computeIfAbsent(p.section(), s -> new java.util.ArrayList<>()).add(p.title());
        }
        Map<String, List<String>> shown = day.sections().stream().collect(Collectors.toMap(
                s -> s.category().code(), s -> s.entries().stream().map(DigestDay.Entry::title).toList(),
                (x, y) -> x, LinkedHashMap::new));
        assertEquals(expected, shown);
        assertEquals(LocalDate.of(2026, 2, 4), day.previous().date());
        assertEquals(LocalDate.of(2026, 3, 1), day.next().date());
        assertEquals("Boda Lin", day.sections().get(0).entries().get(0).firstAuthor());
        assertEquals(5, day.sections().get(0).entries().get(0).authors());
    }

    @Test
    void aCategoryHasItsDaysRecentListingsAndProlificAuthors() {
        CategoryDetails c = explorer.categories().category(SampleStore.BASE + "category/cs.MA").orElseThrow();
        assertEquals("Multiagent Systems", c.category().label());
        assertEquals(2, c.papers(), "MultiVer (listed twice) and one more have cs.MA as main category");
        assertEquals(List.of(new DayCount(LocalDate.of(2026, 2, 23), 2), new DayCount(LocalDate.of(2026, 3, 1), 1)),
                c.perDay());
        assertEquals(3, c.recent().size());
        assertEquals(LocalDate.of(2026, 3, 1), c.recent().get(0).date());
        assertFalse(c.prolific().isEmpty());
        assertTrue(explorer.categories().category(SampleStore.BASE + "category/cs.XX").isEmpty());
        assertTrue(explorer.categories().category(SampleStore.BASE + "category/CS.MA").isEmpty(), "IRIs are exact");
    }

    @Test
    void trendsAlignEveryCategoryOnTheSameDays() {
        CategoryTrends t = explorer.trends().categories(null, null, 0);
        assertEquals(List.of(LocalDate.of(2026, 2, 4), LocalDate.of(2026, 2, 23), LocalDate.of(2026, 3, 1)), t.days());
        CategoryTrends.Series cv = t.series().stream().filter(s -> s.category().equals("cs.CV")).findFirst().orElseThrow();
        assertEquals(86, cv.papers()[0]);
        assertEquals(36, cv.papers()[1]);
        assertEquals(0, cv.papers()[2]);
        CategoryTrends feb = explorer.trends().categories(LocalDate.of(2026, 2, 20), LocalDate.of(2026, 2, 28), 2);
        assertEquals(List.of(LocalDate.of(2026, 2, 23)), feb.days());
        assertEquals(3, feb.series().size());
        assertEquals("other", feb.series().get(2).category());
    }

    @Test
    void eachDayCountsThePapersItsDigestListed() {
        Map<LocalDate, Integer> listed = new LinkedHashMap<>();
        for (Path digest : SampleStore.digests()) {
            List<Paper> papers = SampleStore.parse(digest);
            listed.put(DigestParser.dateFromFileName(digest).orElseThrow(),
                    (int) papers.stream().map(Iris::paper).distinct().count());
        }
        Map<LocalDate, Integer> counted = explorer.digests().days().stream()
                .collect(Collectors.toMap(DigestDay.DayRef::date, DigestDay.DayRef::papers, (a, b) -> a, LinkedHashMap::new));
        assertEquals(new TreeMap<>(listed), new TreeMap<>(counted));
        assertEquals(listed.keySet().stream().sorted(Comparator.reverseOrder()).toList(),
                List.copyOf(counted.keySet()), "newest first");
    }

    @Test
    void eachCategoryCountsItsListingsAsThePlainSumOverTheDigestsCounts() {
        // categories.rq sums by concept before it joins the names, for speed; the plain formulation is the definition
        String plain = """
                PREFIX dkg:  <https://w3id.org/digest-kg/ontology#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT ?category (SUM(?found) AS ?listings) {
                  ?digest dkg:categoryCount ?count . ?count dkg:category ?concept ; dkg:foundCount ?found .
                  FILTER (?found > 0)
                  ?concept skos:notation ?category .
                } GROUP BY ?category""";
        Map<String, Integer> expected = new TreeMap<>();
        DatasetGraph dsg = SampleStore.get().datasetGraph();
        Txn.executeRead(dsg, () -> QueryExec.dataset(dsg).query(plain).select().forEachRemaining(b ->
                expected.put(b.get("category").getLiteralLexicalForm(),
                        Integer.parseInt(b.get("listings").getLiteralLexicalForm()))));
        Map<String, Integer> listed = new TreeMap<>();
        explorer.categories().categories().forEach(c -> listed.put(c.category().code(), c.count()));
        assertTrue(expected.size() > 1, expected.toString());
        assertEquals(expected, listed);
    }

    @Test
    void descriptionsHoldTheResourceAndItsNodes() {
        Graph paper = explorer.descriptions().describe(DescriptionService.Kind.PAPER, SampleStore.WORLD_VQA);
        assertTrue(paper.contains(NodeFactory.createURI(SampleStore.WORLD_VQA), null, null));
        assertTrue(paper.contains(NodeFactory.createURI(SampleStore.BASE + "digest/2026-02-04/paper/2602.02537/author/1"),
                null, null));
        assertTrue(explorer.descriptions().describe(DescriptionService.Kind.AUTHOR, SampleStore.WORLD_VQA).isEmpty(),
                "a paper is not an author");
        assertNotNull(explorer.digests().days());
    }
}
