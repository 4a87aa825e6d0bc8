package org.digestkg.extractor.rdf;

import static org.digestkg.extractor.rdf.Listings.digest;
import static org.digestkg.extractor.rdf.Listings.iri;
import static org.digestkg.extractor.rdf.Listings.paper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.digestkg.extractor.model.Paper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ontology and the shapes as shipped in the jar, against what the mapper writes. */
class ShapesTest {

    static final Node OWL_ONTOLOGY = iri("http://www.w3.org/2002/07/owl#Ontology");
    static final Node OWL_VERSION = iri("http://www.w3.org/2002/07/owl#versionInfo");
    static final Node RDFS_COMMENT = iri(RDFS.NS + "comment");
    static final Node RDFS_DOMAIN = iri(RDFS.NS + "domain");
    static final Node RDFS_RANGE = iri(RDFS.NS + "range");
    static final Node RDFS_SUBCLASS = iri(RDFS.NS + "subClassOf");
    static final Node RDFS_SUBPROPERTY = iri(RDFS.NS + "subPropertyOf");
    static final Node DESCRIPTION = iri(DCTERMS.NS + "description");

    static Graph ontology;
    static Shapes shapes;

    @BeforeAll
    static void load() {
        ontology = resource("/ontology/digest.ttl");
        shapes = Shapes.parse(resource("/ontology/shapes.ttl"));
    }

    static Graph resource(String path) {
        try (InputStream in = ShapesTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path + " is on the classpath");
            Graph g = GraphMemFactory.createDefaultGraph();
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the ontology

    @Test
    void ontologyDescribesItself() {
        Node onto = iri(DKG.ONTOLOGY);
        assertTrue(ontology.contains(onto, RDF.type, OWL_ONTOLOGY));
        assertFalse(Listings.objects(ontology, onto, iri(DCTERMS.NS + "title")).isEmpty());
        assertFalse(Listings.objects(ontology, onto, DESCRIPTION).isEmpty());
        assertFalse(Listings.objects(ontology, onto, OWL_VERSION).isEmpty());
        assertTrue(ontology.contains(Iris.categoryScheme(), RDF.type, SKOS.ConceptScheme));
        assertFalse(Listings.objects(ontology, Iris.categoryScheme(), RDFS.label).isEmpty());
    }

    @Test
    void everyDkgTermIsDeclaredLabelledAndTyped() throws IllegalAccessException {
        List<String> missing = new ArrayList<>();
        for (Node term : dkgTerms()) {
            if (!ontology.contains(term, RDF.type, Node.ANY)) missing.add(term + " has no rdf:type");
            if (!ontology.contains(term, RDFS.label, Node.ANY)) missing.add(term + " has no rdfs:label");
            if (!ontology.contains(term, RDFS_COMMENT, Node.ANY)) missing.add(term + " has no rdfs:comment");
            boolean isClass = Character.isUpperCase(term.getLocalName().charAt(0));
            if (!isClass && !(ontology.contains(term, RDFS_DOMAIN, Node.ANY) && ontology.contains(term, RDFS_RANGE, Node.ANY))) {
                missing.add(term + " lacks domain or range");
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void termsRefineTheStandardOnes() {
        assertTrue(ontology.contains(DKG.Paper, RDFS_SUBCLASS, iri(Prefixes.FABIO + "Preprint")));
        assertTrue(ontology.contains(DKG.Paper, RDFS_SUBCLASS, iri(Prefixes.SCHEMA + "ScholarlyArticle")));
        assertTrue(ontology.contains(DKG.Author, RDFS_SUBCLASS, iri(FOAF.NS + "Person")));
        assertTrue(ontology.contains(DKG.Digest, RDFS_SUBCLASS, iri(Prefixes.PROV + "Entity")));
        assertTrue(ontology.contains(DKG.Appearance, RDFS_SUBCLASS, iri(Prefixes.PROV + "Entity")));
        assertTrue(ontology.contains(DKG.digest, RDFS_SUBPROPERTY, iri(DCTERMS.NS + "isPartOf")));
        assertTrue(ontology.contains(DKG.digest, RDFS_SUBPROPERTY, iri(Prefixes.PROV + "wasDerivedFrom")));
        assertTrue(ontology.contains(DKG.arxivId, RDFS_SUBPROPERTY, iri(DCTERMS.NS + "identifier")));
        assertTrue(ontology.contains(DKG.section, RDFS_SUBPROPERTY, iri(DCTERMS.NS + "subject")));
        assertTrue(ontology.contains(DKG.summary, RDFS_SUBPROPERTY, DESCRIPTION));
        for (Node s : List.of(DKG.tldr, DKG.motivation, DKG.method, DKG.result, DKG.conclusion)) {
            assertTrue(ontology.contains(s, RDFS_SUBPROPERTY, DKG.summary), s + " is a summary");
        }
    }

    @Test
    void everyTermTheMapperWritesIsInTheOntology() {
        Graph g = union(richDigest("2026-02-04", ListingPolicy.ALWAYS_LATEST));
        Set<Node> used = new java.util.HashSet<>();
        g.find().forEachRemaining(t -> {
            if (!t.getPredicate().equals(RDF.type)) used.add(t.getPredicate());
            else if (!t.getObject().equals(SKOS.ConceptScheme)) used.add(t.getObject());
        });
        Set<String> undeclared = used.stream()
                .filter(term -> !ontology.contains(term, RDF.type, Node.ANY))
                .map(Node::getURI)
                .collect(Collectors.toCollection(TreeSet::new));
        undeclared.remove(RDFS.NS + "label");   // RDFS's own, needs no declaration
        assertEquals(Set.of(), undeclared);
    }

    // ---- the shapes hold on what the mapper writes

    @Test
    void oneDigestGraphConforms() {
        DatasetGraph dsg = richDigest("2026-02-04", ListingPolicy.ALWAYS_LATEST);
        assertConforms(dsg.getGraph(iri("digest/2026-02-04")));
    }

    @Test
    void anOlderListingsGraphConforms() {
        DatasetGraph dsg = richDigest("2026-02-04", (p, d) -> false);
        assertConforms(dsg.getGraph(iri("digest/2026-02-04")));
    }

    @Test
    void unionWithPrintingsOfOneAuthorInSeveralDigestsConforms() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        mapInto(dsg, "2026-02-04", ListingPolicy.ALWAYS_LATEST, paper("2602.02537").authors("Bilge Kaan Görür").build());
        mapInto(dsg, "2026-02-23", ListingPolicy.ALWAYS_LATEST, paper("2602.02676").authors("BILGE KAAN GORUR").build());
        Graph u = union(dsg);
        assertEquals(2, Listings.objects(u, iri("author/Bilge_Kaan_Gorur"), FOAF.name).size(), "each digest names them");
        assertConforms(u);
    }

    @Test
    void unionOfDigestsConformsThanksToTheLatestListingRule() {
        // the same paper, revised between the two days: new title, one more author
        LocalDate latestDay = LocalDate.parse("2026-02-23");
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        mapInto(dsg, "2026-02-04", (p, d) -> d.equals(latestDay), paper("2602.02537v1").build());
        mapInto(dsg, "2026-02-23", (p, d) -> d.equals(latestDay),
                paper("2602.02537v2").title("WorldVQA v2").authors("Runjie Zhou", "Youbo Shao", "Haoyu Lu", "Bowei Xing").build());
        assertConforms(union(dsg));
    }

    @Test
    void unionWithoutTheRuleDoesNotConform() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        mapInto(dsg, "2026-02-04", ListingPolicy.ALWAYS_LATEST, paper("2602.02537v1").build());
        mapInto(dsg, "2026-02-23", ListingPolicy.ALWAYS_LATEST,
                paper("2602.02537v2").title("WorldVQA v2").authors("Runjie Zhou", "Bowei Xing").build());
        ValidationReport report = ShaclValidator.get().validate(shapes, union(dsg));
        assertFalse(report.conforms());
        assertTrue(hasResult(report, iri("paper/2602.02537"), DCTERMS.title), "two titles reported");
        assertTrue(report.getEntries().stream().anyMatch(e -> e.message().contains("same position")),
                "mixed author lists reported");
    }

    // ---- the shapes can fail

    @Test
    void twoTitlesDoNotConform() {
        ValidationReport report = broken(g -> g.add(Triple.create(iri("paper/2602.02537"), DCTERMS.title,
                NodeFactory.createLiteralString("Another title"))));
        assertTrue(hasResult(report, iri("paper/2602.02537"), DCTERMS.title));
    }

    @Test
    void positionZeroDoesNotConform() {
        Node ship = iri("digest/2026-02-04/paper/2602.02537/author/1");
        ValidationReport report = broken(g -> {
            g.delete(Triple.create(ship, DKG.position, NodeFactory.createLiteralDT("1", XSDDatatype.XSDinteger)));
            g.add(Triple.create(ship, DKG.position, NodeFactory.createLiteralDT("0", XSDDatatype.XSDinteger)));
        });
        assertTrue(hasResult(report, ship, DKG.position));
    }

    @Test
    void missingArxivIdDoesNotConform() {
        Node paper = iri("paper/2602.02537");
        ValidationReport report = broken(g -> g.remove(paper, DKG.arxivId, Node.ANY));
        assertTrue(report.getEntries().stream().anyMatch(e -> e.focusNode().equals(paper)), report::toString);
    }

    @Test
    void arxivIdDisagreeingWithTheIriDoesNotConform() {
        Node paper = iri("paper/2602.02537");
        ValidationReport report = broken(g -> {
            g.remove(paper, DKG.arxivId, Node.ANY);
            g.add(Triple.create(paper, DKG.arxivId, NodeFactory.createLiteralString("2602.02539")));
        });
        assertTrue(report.getEntries().stream().anyMatch(e -> e.focusNode().equals(paper)
                && e.message().contains("followed by its arXiv id")), report::toString);
    }

    @Test
    void wrongLanguageOrDatatypeDoesNotConform() {
        Node paper = iri("paper/2602.02537");
        Node appearance = iri("digest/2026-02-04/paper/2602.02537");
        ValidationReport report = broken(g -> {
            g.remove(paper, DCTERMS.abstract_, Node.ANY);
            g.add(Triple.create(paper, DCTERMS.abstract_, NodeFactory.createLiteralLang("Nous présentons", "fr")));
            g.remove(appearance, DKG.tldr, Node.ANY);
            g.add(Triple.create(appearance, DKG.tldr, NodeFactory.createLiteralString("no language")));
        });
        assertTrue(hasResult(report, paper, DCTERMS.abstract_));
        assertTrue(hasResult(report, appearance, DKG.tldr));
    }

    @Test
    void creatorsOutOfStepWithAuthorshipsDoNotConform() {
        Node paper = iri("paper/2602.02537");
        ValidationReport report = broken(g -> g.delete(Triple.create(paper, DCTERMS.creator, iri("author/Haoyu_Lu"))));
        assertTrue(report.getEntries().stream().anyMatch(e -> e.focusNode().equals(paper)), report::toString);
    }

    // ---- helpers

    /** A digest using every feature: cross-listing, non-arXiv link, notes, failed field, claims, unknown code. */
    static DatasetGraph richDigest(String day, ListingPolicy policy) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        mapInto(dsg, day, policy,
                paper("2602.02537v2")
                        .field(org.digestkg.extractor.model.Field.TLDR, "WorldVQA是一个基准。")
                        .field(org.digestkg.extractor.model.Field.MOTIVATION, "Error")
                        .field(org.digestkg.extractor.model.Field.ABSTRACT, "We introduce WorldVQA.")
                        .field(org.digestkg.extractor.model.Field.COMMENT, "12 pages")
                        .field(org.digestkg.extractor.model.Field.KEYWORDS, "benchmark, knowledge")
                        .field(org.digestkg.extractor.model.Field.TRANSLATED_TITLE, "WorldVQA：衡量世界知识")
                        .note("AI comments", "A solid benchmark.")
                        .note(null, "[Benchmark][8.5]")
                        .categories("cs.CV", "cs.CL", "cs.AI").code("https://github.com/x/worldvqa")
                        .build(),
                paper("2602.02676").rank(2).line(40).authors("Xintong Zhang", "RUNJIE ZHOU*").mainCategory("cs.XX").build(),
                paper(null).link("https://openreview.net/forum?id=x1").rank(3).line(70).authors("Ann Lee").build(),
                paper("2602.02537v2").rank(4).line(900).section("cs.CL").build());
        return dsg;
    }

    static void mapInto(DatasetGraph dsg, String day, ListingPolicy policy, Paper... papers) {
        RdfMapper mapper = new RdfMapper(StreamRDFLib.dataset(dsg), policy);
        mapper.start(digest(day));
        mapper.claimedCount("cs.CV", 3);
        mapper.claimedCount("cs.CL", 1);
        for (Paper p : papers) mapper.paper(p);
        mapper.finish();
    }

    /** The union of all named graphs, as a store with a union default graph shows it. */
    static Graph union(DatasetGraph dsg) {
        Graph g = GraphMemFactory.createDefaultGraph();
        dsg.find().forEachRemaining(q -> g.add(q.asTriple()));
        return g;
    }

    static ValidationReport broken(Consumer<Graph> damage) {
        Graph g = union(richDigest("2026-02-04", ListingPolicy.ALWAYS_LATEST));
        assertConforms(g);
        damage.accept(g);
        ValidationReport report = ShaclValidator.get().validate(shapes, g);
        assertFalse(report.conforms(), "damaged graph must not conform");
        return report;
    }

    static boolean hasResult(ValidationReport report, Node focus, Node path) {
        for (ReportEntry e : report.getEntries()) {
            if (e.focusNode().equals(focus) && e.resultPath() != null && e.resultPath().toString().contains(path.getURI())) {
                return true;
            }
        }
        return false;
    }

    static void assertConforms(Graph g) {
        ValidationReport report = ShaclValidator.get().validate(shapes, g);
        assertTrue(report.conforms(), () -> report.getEntries().stream().map(ReportEntry::toString)
                .collect(Collectors.joining("\n")));
    }

    /** The dkg: terms named in {@link DKG}. */
    static List<Node> dkgTerms() throws IllegalAccessException {
        List<Node> terms = new ArrayList<>();
        for (Field f : DKG.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Node.class) {
                Node n = (Node) f.get(null);
                if (n.isURI() && n.getURI().startsWith(DKG.NS)) terms.add(n);
            }
        }
        assertTrue(terms.size() > 30, "found the terms");
        return terms;
    }
}
