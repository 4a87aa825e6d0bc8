package org.digestkg.extractor.rdf;

import static org.digestkg.extractor.rdf.Listings.SHA;
import static org.digestkg.extractor.rdf.Listings.digest;
import static org.digestkg.extractor.rdf.Listings.iri;
import static org.digestkg.extractor.rdf.Listings.lexicals;
import static org.digestkg.extractor.rdf.Listings.objects;
import static org.digestkg.extractor.rdf.Listings.only;
import static org.digestkg.extractor.rdf.Listings.paper;
import static org.digestkg.extractor.rdf.Listings.predicates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Paper;
import org.junit.jupiter.api.Test;

class RdfMapperTest {

    static final Node DAY = iri("digest/2026-02-04");
    static final Node WORLDVQA = iri("paper/2602.02537");
    static final Node WORLDVQA_HERE = iri("digest/2026-02-04/paper/2602.02537");

    private static Node integer(int n) {
        return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDinteger);
    }

    private static Node lang(String text, String tag) {
        return NodeFactory.createLiteralLang(text, tag);
    }

    /** Maps one digest holding the given entries, TOC claims first, into a fresh in-memory dataset. */
    static DatasetGraph map(Map<String, Integer> claims, Paper... papers) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RdfMapper mapper = new RdfMapper(StreamRDFLib.dataset(dsg));
        mapper.start(digest("2026-02-04"));
        claims.forEach(mapper::claimedCount);
        for (Paper p : papers) mapper.paper(p);
        mapper.finish();
        return dsg;
    }

    @Test
    void digestNodeIsDescribedInItsOwnGraph() {
        DatasetGraph dsg = map(Map.of(), paper("2602.02537").build());
        List<Node> graphs = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(graphs::add);
        assertEquals(List.of(DAY), graphs, "one named graph, named by the digest");
        assertTrue(dsg.getDefaultGraph().isEmpty(), "nothing in the default graph");

        Graph g = dsg.getGraph(DAY);
        assertEquals(DKG.Digest, only(g, DAY, RDF.type));
        assertEquals(NodeFactory.createLiteralDT("2026-02-04", XSDDatatype.XSDdate), only(g, DAY, DCTERMS.date));
        assertEquals(NodeFactory.createLiteralString("data/2026-02-04.md"), only(g, DAY, DKG.sourceFile));
        assertEquals(NodeFactory.createLiteralString(SHA), only(g, DAY, DKG.sha256));
        assertEquals(NodeFactory.createLiteralString("arXiv digest of 2026-02-04"), only(g, DAY, RDFS.label));
    }

    @Test
    void paperCarriesItsLatestListingAndAuthorsInOrder() {
        Paper p = paper("2602.02537v2")
                .authors("Runjie Zhou", "Jose\u0301_Ruiz*", "Y. Charles")
                .field(Field.ABSTRACT, "We introduce WorldVQA, a benchmark.")
                .build();
        Graph g = map(Map.of(), p).getGraph(DAY);

        assertEquals(DKG.Paper, only(g, WORLDVQA, RDF.type));
        assertEquals(NodeFactory.createLiteralString("2602.02537"), only(g, WORLDVQA, DKG.arxivId));
        assertEquals(iri("https://arxiv.org/abs/2602.02537"), only(g, WORLDVQA, FOAF.page), "page without version");
        assertEquals(NodeFactory.createLiteralString(p.title()), only(g, WORLDVQA, DCTERMS.title), "title is a plain string");
        assertEquals(lang("We introduce WorldVQA, a benchmark.", "en"), only(g, WORLDVQA, DCTERMS.abstract_));
        assertEquals(iri("category/cs.CV"), only(g, WORLDVQA, DKG.mainCategory));

        Node jose = iri("author/Jose_Ruiz");
        assertEquals(Set.of(iri("author/Runjie_Zhou"), jose, iri("author/Y._Charles")), objects(g, WORLDVQA, DCTERMS.creator));
        assertEquals(NodeFactory.createLiteralString("Jos\u00e9 Ruiz"), only(g, jose, FOAF.name), "foaf:name is normalised");
        assertEquals(DKG.Author, only(g, jose, RDF.type));

        // authorships, read back in the order of dkg:position
        Map<Integer, Node> byPosition = new TreeMap<>();
        for (Node ship : objects(g, WORLDVQA, DKG.authorship)) {
            assertEquals(DKG.Authorship, only(g, ship, RDF.type));
            int pos = Integer.parseInt(only(g, ship, DKG.position).getLiteralLexicalForm());
            assertEquals(XSDDatatype.XSDinteger, only(g, ship, DKG.position).getLiteralDatatype());
            assertEquals(iri("digest/2026-02-04/paper/2602.02537/author/" + pos), ship);
            byPosition.put(pos, ship);
        }
        assertEquals(List.of(1, 2, 3), new ArrayList<>(byPosition.keySet()));
        assertEquals(List.of(iri("author/Runjie_Zhou"), jose, iri("author/Y._Charles")),
                byPosition.values().stream().map(s -> only(g, s, DKG.author)).toList());
        assertEquals(NodeFactory.createLiteralString("Jose\u0301_Ruiz*"), only(g, byPosition.get(2), DKG.printedName),
                "the printed name stays as printed");
    }

    @Test
    void appearanceRecordsTheListing() {
        Paper p = paper("2602.02537v2").rank(7).line(120)
                .field(Field.TLDR, "WorldVQA是一个评估多模态大语言模型视觉世界原子知识的基准。")
                .field(Field.MOTIVATION, "当前评估方法往往将视觉知识检索与推理能力混为一谈。")
                .field(Field.METHOD, "視覚知識の検索と推論を分離するベンチマークを設計した。")
                .field(Field.RESULT, "모델의 시각적 사실성을 엄격하게 평가할 수 있다.")
                .field(Field.CONCLUSION, "WorldVQA is a rigorous test of visual factuality.")
                .build();
        Graph g = map(Map.of(), p).getGraph(DAY);
        Node a = WORLDVQA_HERE;

        assertEquals(DKG.Appearance, only(g, a, RDF.type));
        assertEquals(WORLDVQA, only(g, a, DKG.paper));
        assertEquals(DAY, only(g, a, DKG.digest));
        assertEquals(NodeFactory.createLiteralDT("2026-02-04", XSDDatatype.XSDdate), only(g, a, DCTERMS.date));
        assertEquals(integer(7), only(g, a, DKG.rank));
        assertEquals(integer(120), only(g, a, DKG.sourceLine));
        assertEquals(integer(2), only(g, a, DKG.arxivVersion));
        assertEquals(iri("category/cs.CV"), only(g, a, DKG.section));

        assertEquals("zh", only(g, a, DKG.tldr).getLiteralLanguage());
        assertEquals("zh", only(g, a, DKG.motivation).getLiteralLanguage());
        assertEquals("ja", only(g, a, DKG.method).getLiteralLanguage());
        assertEquals("ko", only(g, a, DKG.result).getLiteralLanguage());
        assertEquals(lang("WorldVQA is a rigorous test of visual factuality.", "en"), only(g, a, DKG.conclusion));
        assertFalse(predicates(g, a).contains(DKG.failedField));
    }

    @Test
    void aListingWithoutMainCategoryTakesItsSection() {
        Graph g = map(Map.of(), paper("2602.02537").mainCategory(null).section("cs.CL").build()).getGraph(DAY);
        assertEquals(iri("category/cs.CL"), only(g, WORLDVQA, DKG.mainCategory));
    }

    @Test
    void noVersionNoArxivVersion() {
        Graph g = map(Map.of(), paper("2602.02537").build()).getGraph(DAY);
        assertTrue(objects(g, WORLDVQA_HERE, DKG.arxivVersion).isEmpty());
    }

    @Test
    void otherFieldsNotesAndFailures() {
        Paper p = paper("2602.02537")
                .field(Field.TLDR, "Error")
                .field(Field.COMMENT, "Accepted at ACL 2026")
                .field(Field.KEYWORDS, "多模态, 基准")
                .field(Field.TRANSLATED_TITLE, "WorldVQA：衡量多模态大语言模型的原子世界知识")
                .field(Field.ABSTRACT_TRANSLATION, "我们提出了WorldVQA。")
                .note("AI comments", "Une contribution solide pour la communauté et les chercheurs.")
                .note("Score", "8")
                .build();
        Graph g = map(Map.of(), p).getGraph(DAY);
        Node a = WORLDVQA_HERE;

        assertEquals(DKG.tldr, only(g, a, DKG.failedField));
        assertTrue(objects(g, a, DKG.tldr).isEmpty(), "a failed field has no text");
        assertEquals(NodeFactory.createLiteralString("Accepted at ACL 2026"), only(g, WORLDVQA, DKG.arxivComment));
        assertEquals(lang("多模态, 基准", "zh"), only(g, WORLDVQA, DKG.keywords));
        assertEquals("zh", only(g, a, DKG.translatedTitle).getLiteralLanguage());
        assertEquals("zh", only(g, a, DKG.abstractTranslation).getLiteralLanguage());

        Node first = iri("digest/2026-02-04/paper/2602.02537/note/1");
        Node second = iri("digest/2026-02-04/paper/2602.02537/note/2");
        assertEquals(Set.of(first, second), objects(g, a, DKG.note));
        assertEquals(DKG.Note, only(g, first, RDF.type));
        assertEquals(NodeFactory.createLiteralString("AI comments"), only(g, first, RDFS.label));
        assertEquals("fr", only(g, first, RDF.value).getLiteralLanguage());
        assertEquals("8", only(g, second, RDF.value).getLiteralLexicalForm());
    }

    @Test
    void paperOutsideArxivIsNamedByItsUrl() {
        String url = "https://openreview.net/forum?id=abc 123";
        Paper p = paper(null).link(url).build();
        Graph g = map(Map.of(), p).getGraph(DAY);
        Node paper = Iris.paperAt(url);
        assertTrue(paper.getURI().startsWith(DKG.BASE + "paper/url/"));
        assertEquals(DKG.Paper, only(g, paper, RDF.type));
        assertEquals(iri("https://openreview.net/forum?id=abc%20123"), only(g, paper, FOAF.page));
        assertTrue(objects(g, paper, DKG.arxivId).isEmpty());
        assertEquals(paper, only(g, Iris.appearance(java.time.LocalDate.parse("2026-02-04"), paper), DKG.paper));
    }

    @Test
    void categoriesAreLabelledConceptsAndCounted() {
        Paper cv1 = paper("2602.00001").section("cs.CV").mainCategory("cs.CV").build();
        Paper cv2 = paper("2602.00002").rank(2).section("cs.CV").mainCategory("eess.IV").build();
        Paper cl = paper("2602.00003").rank(1).section("cs.CL").mainCategory("cs.XX").build();
        Paper lg = paper("2602.00004").rank(1).section("cs.LG").mainCategory("cs.LG").build();
        Map<String, Integer> claims = new java.util.LinkedHashMap<>();
        claims.put("cs.CV", 2);
        claims.put("cs.CL", 5);
        claims.put("cs.AI", 3);
        Graph g = map(claims, cv1, cv2, cl, lg).getGraph(DAY);

        Node cv = iri("category/cs.CV");
        assertEquals(SKOS.Concept, only(g, cv, RDF.type));
        assertEquals(NodeFactory.createLiteralString("cs.CV"), only(g, cv, SKOS.notation));
        assertEquals(lang("Computer Vision and Pattern Recognition", "en"), only(g, cv, SKOS.prefLabel));
        assertEquals(Iris.categoryScheme(), only(g, cv, SKOS.inScheme));
        assertEquals(SKOS.ConceptScheme, only(g, Iris.categoryScheme(), RDF.type));
        assertEquals(lang("Image and Video Processing", "en"), only(g, iri("category/eess.IV"), SKOS.prefLabel),
                "main categories get concepts too");
        assertEquals(lang("Artificial Intelligence", "en"), only(g, iri("category/cs.AI"), SKOS.prefLabel),
                "claimed categories get concepts too");
        Node unknown = iri("category/cs.XX");
        assertEquals(NodeFactory.createLiteralString("cs.XX"), only(g, unknown, SKOS.notation));
        assertTrue(objects(g, unknown, SKOS.prefLabel).isEmpty(), "an unknown code has no label");

        Map<String, Node> counts = new TreeMap<>();
        for (Node c : objects(g, DAY, DKG.categoryCount)) {
            assertEquals(DKG.CategoryCount, only(g, c, RDF.type));
            counts.put(only(g, only(g, c, DKG.category), SKOS.notation).getLiteralLexicalForm(), c);
        }
        assertEquals(Set.of("cs.AI", "cs.CL", "cs.CV", "cs.LG"), counts.keySet());
        assertEquals(iri("digest/2026-02-04/category/cs.CV"), counts.get("cs.CV"));
        assertEquals(integer(2), only(g, counts.get("cs.CV"), DKG.claimedCount));
        assertEquals(integer(2), only(g, counts.get("cs.CV"), DKG.foundCount));
        assertEquals(integer(5), only(g, counts.get("cs.CL"), DKG.claimedCount));
        assertEquals(integer(1), only(g, counts.get("cs.CL"), DKG.foundCount));
        assertEquals(integer(3), only(g, counts.get("cs.AI"), DKG.claimedCount));
        assertEquals(integer(0), only(g, counts.get("cs.AI"), DKG.foundCount), "claimed but no section found");
        assertTrue(objects(g, counts.get("cs.LG"), DKG.claimedCount).isEmpty(), "found without a claim");
        assertEquals(integer(1), only(g, counts.get("cs.LG"), DKG.foundCount));
    }

    @Test
    void crossListedPaperIsOneAppearanceWithTwoSections() {
        Paper inCv = paper("2602.02537").rank(1).line(14).section("cs.CV").build();
        Paper inCl = paper("2602.02537").rank(9).line(900).section("cs.CL").build();
        Paper other = paper("2602.02676").rank(2).line(40).section("cs.CV").authors("Runjie Zhou").build();
        Listings.Recorder out = new Listings.Recorder();
        RdfMapper mapper = new RdfMapper(out);
        mapper.start(digest("2026-02-04"));
        mapper.claimedCount("cs.CV", 2);
        mapper.paper(inCv);
        mapper.paper(other);
        mapper.paper(inCl);
        mapper.finish();

        assertEquals(2, mapper.papers());
        assertEquals(new HashSet<>(out.quads).size(), out.quads.size(), "no quad is emitted twice");
        assertEquals(0, out.starts + out.finishes, "the caller owns the stream's start/finish");
        for (Quad q : out.quads) assertEquals(DAY, q.getGraph());

        Graph g = out.dataset().getGraph(DAY);
        assertEquals(Set.of(iri("category/cs.CV"), iri("category/cs.CL")), objects(g, WORLDVQA_HERE, DKG.section));
        assertEquals(integer(1), only(g, WORLDVQA_HERE, DKG.rank), "rank and line are the first listing's");
        assertEquals(integer(14), only(g, WORLDVQA_HERE, DKG.sourceLine));
        assertEquals(3, objects(g, WORLDVQA, DKG.authorship).size());
        assertEquals(2, g.find(Node.ANY, RDF.type, DKG.Appearance).toList().size());
        Node cl = iri("digest/2026-02-04/category/cs.CL");
        assertEquals(integer(1), only(g, cl, DKG.foundCount));
        assertEquals(integer(2), only(g, iri("digest/2026-02-04/category/cs.CV"), DKG.foundCount));
    }

    @Test
    void countsAreReadPerDigest() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RdfMapper mapper = new RdfMapper(StreamRDFLib.dataset(dsg));
        mapper.start(digest("2026-02-04"));
        mapper.paper(paper("2602.02537").build());
        mapper.finish();
        mapper.start(digest("2026-02-05"));
        mapper.paper(paper("2602.02537").build());
        mapper.paper(paper("2602.02676").build());
        mapper.finish();

        assertEquals(3, mapper.papers());
        Graph second = dsg.getGraph(iri("digest/2026-02-05"));
        assertEquals(integer(2), only(second, iri("digest/2026-02-05/category/cs.CV"), DKG.foundCount));
        assertEquals(Set.of("Runjie Zhou"), lexicals(objects(second, iri("author/Runjie_Zhou"), FOAF.name)),
                "each digest graph describes the authors it mentions");
    }

    @Test
    void anArxivPaperHasItsDoiAndACsPaperItsDblpRecord() {
        Graph g = map(Map.of(), paper("2602.02537").build()).getGraph(DAY);
        assertEquals(NodeFactory.createLiteralString("10.48550/arXiv.2602.02537"), only(g, WORLDVQA, DKG.doi));
        assertEquals(iri("https://doi.org/10.48550/arXiv.2602.02537"), only(g, WORLDVQA, DKG.doiLink));
        assertEquals(iri("https://dblp.org/rec/journals/corr/abs-2602-02537"), only(g, WORLDVQA, DKG.dblpRecord));

        Node physics = iri("paper/2602.09999");
        Graph p = map(Map.of(), paper("2602.09999").mainCategory("hep-th").section("hep-th").build()).getGraph(DAY);
        assertTrue(objects(p, physics, DKG.dblpRecord).isEmpty(), "dblp lists computer science papers only");
        Graph cross = map(Map.of(), paper("2602.09999").mainCategory("hep-th").categories("hep-th", "cs.LG").build())
                .getGraph(DAY);
        assertEquals(iri("https://dblp.org/rec/journals/corr/abs-2602-09999"), only(cross, physics, DKG.dblpRecord),
                "a cross-list into cs is enough");
    }

    @Test
    void anOldStyleIdHasDblpsOldStyleKey() {
        Node old = iri("paper/cs/0310049");
        Graph g = map(Map.of(), paper("cs/0310049").mainCategory("cs.DS").build()).getGraph(DAY);
        assertEquals(NodeFactory.createLiteralString("10.48550/arXiv.cs/0310049"), only(g, old, DKG.doi));
        assertEquals(iri("https://dblp.org/rec/journals/corr/cs-DS-0310049"), only(g, old, DKG.dblpRecord));
        Graph math = map(Map.of(), paper("math/0501001").mainCategory("math.CO").categories("math.CO", "cs.DM").build())
                .getGraph(DAY);
        assertTrue(objects(math, iri("paper/math/0501001"), DKG.dblpRecord).isEmpty(),
                "dblp keys old-style CoRR papers by the cs archive only");
    }

    @Test
    void everyCategoryLinksToItsConceptThePrimaryMarked() {
        Graph g = map(Map.of(), paper("2602.02537").categories("cs.CV", "cs.AI", "cs.LG").code("https://github.com/x/y")
                .build()).getGraph(DAY);
        assertEquals(Set.of(iri("category/cs.CV"), iri("category/cs.AI"), iri("category/cs.LG")),
                objects(g, WORLDVQA, DKG.arxivCategory));
        assertEquals(iri("category/cs.CV"), only(g, WORLDVQA, DKG.mainCategory), "the primary is the main category");
        assertEquals(SKOS.Concept, only(g, iri("category/cs.LG"), RDF.type));
        assertEquals(iri("https://github.com/x/y"), only(g, WORLDVQA, DKG.codeRepository));
        assertTrue(RdfMapper.LISTING_FACTS.containsAll(List.of(DKG.arxivCategory, DKG.codeRepository)),
                "cross-lists and code links change between versions: they follow the latest listing");
    }

    @Test
    void printingsOfOneNameAreOneAuthorEachAuthorshipKeepingItsOwn() {
        Graph g = map(Map.of(), paper("2602.02537").authors("Runjie Zhou", "BILGE KAAN GÖRÜR", "Jean-Pierre Dupont").build(),
                paper("2602.02676").authors("runjie zhou", "Bilge Kaan Gorur", "Jean Pierre Dupont").build()).getGraph(DAY);
        assertEquals(objects(g, WORLDVQA, DCTERMS.creator), objects(g, iri("paper/2602.02676"), DCTERMS.creator));
        assertEquals(Set.of(iri("author/Runjie_Zhou"), iri("author/Bilge_Kaan_Gorur"), iri("author/Jean_Pierre_Dupont")),
                objects(g, WORLDVQA, DCTERMS.creator));
        assertEquals(Set.of("runjie zhou"), lexicals(objects(g,
                iri("digest/2026-02-04/paper/2602.02676/author/1"), DKG.printedName)), "the authorship keeps the printing");
        assertEquals(1, objects(g, iri("author/Bilge_Kaan_Gorur"), FOAF.name).size(), "one name per digest graph");
    }

    @Test
    void anAliasedAuthorIsNamedAsTheAliasFileSays() {
        Graph g = map(Map.of(), paper("2602.02537").authors("Y. Le Cun", "Ana Silva")
                .identities("Yann LeCun", "Ana Silva").build()).getGraph(DAY);
        Node lecun = iri("author/Yann_Lecun");
        assertTrue(objects(g, WORLDVQA, DCTERMS.creator).contains(lecun));
        assertEquals(Set.of("Yann LeCun"), lexicals(objects(g, lecun, FOAF.name)));
        assertEquals(Set.of("Y. Le Cun"), lexicals(objects(g, iri("digest/2026-02-04/paper/2602.02537/author/1"),
                DKG.printedName)));
    }

    @Test
    void textATemplatePrintsWithoutALabelIsANoteWithoutOne() {
        Graph g = map(Map.of(), paper("2602.02537").note(null, "8.5").build()).getGraph(DAY);
        Node note = iri("digest/2026-02-04/paper/2602.02537/note/1");
        assertEquals(DKG.Note, only(g, note, RDF.type));
        assertTrue(objects(g, note, RDFS.label).isEmpty());
    }

    @Test
    void aNamelessClaimIsIgnored() {
        Map<String, Integer> claims = Map.of(" ", 3);
        Graph g = map(claims, paper("2602.02537").build()).getGraph(DAY);
        assertEquals(1, objects(g, DAY, DKG.categoryCount).size(), "only the cs.CV section is counted");
        assertTrue(objects(g, Iris.categoryScheme(), SKOS.notation).isEmpty(), "the scheme is not made a category");
    }

    @Test
    void eventsOutsideADigestAreRefused() {
        RdfMapper mapper = new RdfMapper(StreamRDFLib.dataset(DatasetGraphFactory.createTxnMem()));
        assertThrows(IllegalStateException.class, () -> mapper.paper(paper("2602.02537").build()));
        mapper.start(digest("2026-02-04"));
        mapper.finish();
        assertThrows(IllegalStateException.class, () -> mapper.claimedCount("cs.CV", 1));
    }

    @Test
    void entryWithoutIdOrLinkIsRefused() {
        RdfMapper mapper = new RdfMapper(StreamRDFLib.dataset(DatasetGraphFactory.createTxnMem()));
        mapper.start(digest("2026-02-04"));
        assertThrows(IllegalArgumentException.class, () -> mapper.paper(paper(null).build()));
    }
}
