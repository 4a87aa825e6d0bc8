package org.digestkg.coauthorship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/** Exports read back: GEXF with an XML parser, GraphML with JGraphT's validating importer, CSV and DOT as text. */
class NetworkExportTest {

    private static final String GEXF_NS = "http://www.gexf.net/1.2draft";

    @RegisterExtension
    static final TestStores world = TestStores.smallWorld();

    private static String export(AuthorGraphView view, NetworkFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NetworkExport.write(view, format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The value of a GEXF node's attvalue for the attribute titled {@code title}. */
    private static Optional<String> attValue(Document doc, Element owner, String title) {
        NodeList declarations = doc.getElementsByTagNameNS(GEXF_NS, "attribute");
        String id = null;
        for (int i = 0; i < declarations.getLength(); i++) {
            Element declaration = (Element) declarations.item(i);
            String forClass = ((Element) declaration.getParentNode()).getAttribute("class");
            if (declaration.getAttribute("title").equals(title) && forClass.equals(owner.getLocalName())) {
                id = declaration.getAttribute("id");
            }
        }
        NodeList values = owner.getElementsByTagNameNS(GEXF_NS, "attvalue");
        for (int i = 0; i < values.getLength(); i++) {
            Element value = (Element) values.item(i);
            if (value.getAttribute("for").equals(id)) {
                return Optional.of(value.getAttribute("value"));
            }
        }
        return Optional.empty();
    }

    @Test
    void gexfOfAnEgoNetwork() throws Exception {
        Document doc = xml(export(world.network().egoNetwork("Carol Chen", 1), NetworkFormat.GEXF));
        assertEquals("gexf", doc.getDocumentElement().getLocalName());
        assertEquals(GEXF_NS, doc.getDocumentElement().getNamespaceURI());
        Element graph = (Element) doc.getElementsByTagNameNS(GEXF_NS, "graph").item(0);
        assertEquals("undirected", graph.getAttribute("defaultedgetype"));

        NodeList nodes = doc.getElementsByTagNameNS(GEXF_NS, "node");
        NodeList edges = doc.getElementsByTagNameNS(GEXF_NS, "edge");
        assertEquals(4, nodes.getLength()); // Carol, Bob, Dan, Wei Wang
        assertEquals(4, edges.getLength()); // C-B, C-D, C-W, B-W

        Map<String, Element> byLabel = new HashMap<>();
        Map<String, String> labelById = new HashMap<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element node = (Element) nodes.item(i);
            byLabel.put(node.getAttribute("label"), node);
            labelById.put(node.getAttribute("id"), node.getAttribute("label"));
        }
        assertEquals(Optional.of("3"), attValue(doc, byLabel.get("Carol Chen"), "papers"));
        assertEquals(Optional.of("https://w3id.org/digest-kg/author/Carol_Chen"),
                attValue(doc, byLabel.get("Carol Chen"), "iri"));

        boolean sawBobCarol = false;
        for (int i = 0; i < edges.getLength(); i++) {
            Element edge = (Element) edges.item(i);
            String ends = labelById.get(edge.getAttribute("source")) + "|" + labelById.get(edge.getAttribute("target"));
            if (ends.equals("Bob Baker|Carol Chen")) {
                sawBobCarol = true;
                assertEquals(1.5, Double.parseDouble(edge.getAttribute("weight")), 1e-12);
                assertEquals(Optional.of("2"), attValue(doc, edge, "joint_papers"));
            }
        }
        assertTrue(sawBobCarol);
    }

    /** Element counts by local name, for big documents (a streaming parse; DOM takes seconds on 80,000 edges). */
    private static Map<String, Integer> countElements(String text, String namespace) throws Exception {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        Map<String, Integer> counts = new HashMap<>();
        factory.newSAXParser().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                new DefaultHandler() {
                    @Override
                    public void startElement(String uri, String localName, String qName, Attributes attributes) {
                        if (uri.equals(namespace)) {
                            counts.merge(localName, 1, Integer::sum);
                        }
                    }
                });
        return counts;
    }

    @Test
    void gexfOfTheWholeNetworkWithItsHyperAuthoredPaper() throws Exception {
        Map<String, Integer> counts = countElements(export(world.network().wholeNetwork(), NetworkFormat.GEXF), GEXF_NS);
        assertEquals(world.network().graph().authorCount(), counts.get("node"));
        assertEquals(14 + 79_800, counts.get("edge"));
    }

    @Test
    void graphmlReadsBackWithJGraphTsValidatingImporter() {
        String graphml = export(world.network().egoNetwork("Alice Archer", 2), NetworkFormat.GRAPHML);
        Graph<String, DefaultWeightedEdge> imported = GraphTypeBuilder.<String, DefaultWeightedEdge>undirected()
                .weighted(true).allowingMultipleEdges(false).allowingSelfLoops(false)
                .vertexSupplier(SupplierUtil.createStringSupplier())
                .edgeSupplier(SupplierUtil.createDefaultWeightedEdgeSupplier())
                .buildGraph();
        GraphMLImporter<String, DefaultWeightedEdge> importer = new GraphMLImporter<>();
        importer.setSchemaValidation(true);
        importer.setVertexFactory(id -> id);
        Map<String, Map<String, String>> attributes = new HashMap<>();
        importer.addVertexAttributeConsumer((vertexAndKey, value) -> attributes
                .computeIfAbsent(vertexAndKey.getFirst(), v -> new HashMap<>())
                .put(vertexAndKey.getSecond(), value.getValue()));
        importer.importGraph(imported, new StringReader(graphml));

        assertEquals(4, imported.vertexSet().size()); // Alice, Bob, Carol, Wei Wang
        assertEquals(4, imported.edgeSet().size()); // A-B, B-C, B-W, C-W
        String bob = attributes.entrySet().stream().filter(e -> "Bob Baker".equals(e.getValue().get("label")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        String carol = attributes.entrySet().stream().filter(e -> "Carol Chen".equals(e.getValue().get("label")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        assertEquals("3", attributes.get(bob).get("papers"));
        assertEquals(1.5, imported.getEdgeWeight(imported.getEdge(bob, carol)), 1e-12);
    }

    @Test
    void graphmlOfTheWholeNetworkHasEveryNodeAndEdge() throws Exception {
        // counted with a plain parser: the importer's schema validation takes minutes on 80,000 edges
        Map<String, Integer> counts = countElements(export(world.network().wholeNetwork(), NetworkFormat.GRAPHML),
                "http://graphml.graphdrawing.org/xmlns");
        assertEquals(1, counts.get("graphml"));
        assertEquals(world.network().graph().authorCount(), counts.get("node"));
        assertEquals(world.network().graph().linkCount(), counts.get("edge"));
    }

    @Test
    void graphmlEdgesCarryEachLinksEndsWeightAndCountExactly() throws Exception {
        CoauthorGraph graph = world.network().graph();
        String graphml = export(world.network().wholeNetwork(), NetworkFormat.GRAPHML);
        Map<Integer, String> read = new HashMap<>();
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.newSAXParser().parse(new ByteArrayInputStream(graphml.getBytes(StandardCharsets.UTF_8)),
                new DefaultHandler() {
                    private String edge;
                    private String key;
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public void startElement(String uri, String local, String q, Attributes a) {
                        if (local.equals("edge")) {
                            edge = a.getValue("id") + " " + a.getValue("source") + " " + a.getValue("target");
                        } else if (local.equals("data")) {
                            key = a.getValue("key");
                            text.setLength(0);
                        }
                    }

                    @Override
                    public void characters(char[] ch, int start, int length) {
                        text.append(ch, start, length);
                    }

                    @Override
                    public void endElement(String uri, String local, String q) {
                        if (local.equals("data") && edge != null) {
                            edge += " " + key + "=" + text;
                        } else if (local.equals("edge")) {
                            read.put(Integer.parseInt(edge.substring(1, edge.indexOf(' '))), edge);
                            edge = null;
                        }
                    }
                });
        assertEquals(graph.linkCount(), read.size());
        for (int link = 0; link < graph.linkCount(); link++) {
            // the weight as Java writes a double, which reads back as the same double
            assertEquals("e" + link + " a" + graph.linkSource(link) + " a" + graph.linkTarget(link) + " weight="
                    + graph.linkWeight(link) + " joint_papers=" + graph.linkPapers(link), read.get(link));
        }
    }

    @Test
    void graphmlEscapesNamesAndReplacesWhatXmlCannotHold() throws Exception {
        String[] names = {"Tom & Jerry <Lab>", "Bell\u0007 Char", "张三 𠀀 \uD800alone", "Ünal \"Q\" O'Neil"};
        AuthorRef[] authors = new AuthorRef[names.length];
        for (int a = 0; a < names.length; a++) {
            authors[a] = new AuthorRef("https://w3id.org/digest-kg/author/x" + a + "?a&b", names[a]);
        }
        PaperRef paper = new PaperRef("urn:p", "2601.00001", "T", "cs.AI", null, names.length);
        CoauthorGraph graph = CoauthorGraph.of(authors, new PaperRef[] {paper}, new int[][] {{0, 1, 2, 3}});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NetworkExport.write(graph, NetworkFormat.GRAPHML, out);

        Document doc = xml(out.toString(StandardCharsets.UTF_8));
        NodeList data = doc.getElementsByTagNameNS("http://graphml.graphdrawing.org/xmlns", "data");
        List<String> labels = new java.util.ArrayList<>();
        List<String> iris = new java.util.ArrayList<>();
        for (int i = 0; i < data.getLength(); i++) {
            Element d = (Element) data.item(i);
            (d.getAttribute("key").equals("label") ? labels : d.getAttribute("key").equals("iri") ? iris
                    : new java.util.ArrayList<String>()).add(d.getTextContent());
        }
        assertEquals(List.of("Tom & Jerry <Lab>", "Bell\uFFFD Char", "张三 𠀀 \uFFFDalone", "Ünal \"Q\" O'Neil"), labels);
        assertEquals("https://w3id.org/digest-kg/author/x0?a&b", iris.get(0));
        assertEquals(6, doc.getElementsByTagNameNS("http://graphml.graphdrawing.org/xmlns", "edge").getLength());
    }

    @Test
    void csvIsOneEdgeListWithAHeader() {
        List<String> lines = export(world.network().egoNetwork("Grace Green", 2), NetworkFormat.CSV).lines().toList();
        assertEquals(List.of(
                "source,target,papers,weight",
                "Grace Green,Henry Hill,1,1.000000",
                "Grace Green,Kim Kang,1,1.000000",
                "Henry Hill,Kim Kang,1,0.500000",
                "Henry Hill,Lena Lang,1,0.500000",
                "Kim Kang,Lena Lang,1,0.500000"), lines);
        List<String> whole = export(world.network().wholeNetwork(), NetworkFormat.CSV).lines().toList();
        assertEquals(1 + world.network().graph().linkCount(), whole.size());
        assertTrue(whole.contains("Eve Evans,Frank Fischer,3,2.500000"));
    }

    @Test
    void csvQuotesFieldsThatNeedIt() {
        assertEquals("Plain Name", NetworkExport.csvField("Plain Name"));
        assertEquals("\"Smith, Jr.\"", NetworkExport.csvField("Smith, Jr."));
        assertEquals("\"The \"\"Rock\"\"\"", NetworkExport.csvField("The \"Rock\""));
    }

    @Test
    void csvWeightsHaveSixDecimals() {
        assertEquals("0.002506", NetworkExport.sixDecimals(1.0 / 399));
        assertEquals("0.333333", NetworkExport.sixDecimals(1.0 / 3));
        assertEquals("12.500000", NetworkExport.sixDecimals(12.5));
        assertEquals("1.000000", NetworkExport.sixDecimals(0.9999999));
    }

    @Test
    void dotNamesEveryNodeAndEdge() {
        String dot = export(world.network().egoNetwork("Carol Chen", 1), NetworkFormat.DOT);
        assertTrue(dot.startsWith("strict graph G {"), dot);
        assertEquals(4, dot.lines().filter(l -> l.contains(" -- ")).count());
        assertTrue(dot.contains("label=\"Carol Chen\""), dot);
        assertTrue(dot.contains("newman_weight=\"1.5\""), dot);
    }

    @Test
    void formatFromFileName() {
        assertEquals(Optional.of(NetworkFormat.GEXF), NetworkFormat.ofFileName(Path.of("out/net.GEXF")));
        assertEquals(Optional.of(NetworkFormat.DOT), NetworkFormat.ofFileName(Path.of("net.gv")));
        assertEquals(Optional.empty(), NetworkFormat.ofFileName(Path.of("net.txt")));
    }
}
