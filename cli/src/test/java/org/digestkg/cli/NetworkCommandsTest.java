package org.digestkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The co-authorship commands on the sample digests, as a user runs them. */
class NetworkCommandsTest {

    @TempDir
    static Path tmp;
    static String store;

    @BeforeAll
    static void build() {
        store = tmp.resolve("store").toString();
        assertEquals(0, KgCommandLineTest.kg("build", "--store", store, SampleOracle.root().resolve("data").toString()).exit());
    }

    @Test
    void coauthorsListsTheJointPaper() {
        var r = KgCommandLineTest.kg("coauthors", "--store", store, "Runjie Zhou");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Runjie Zhou: 1 paper, 18 co-authors"), r.out());
        assertTrue(r.out().contains("Xinyu Zhou"), r.out());
        assertTrue(r.out().contains("2602.02537  2026-02-04  WorldVQA"), r.out());
    }

    @Test
    void depthTwoReachesAcrossDays() {
        var r = KgCommandLineTest.kg("coauthors", "--store", store, "--depth", "2", "Runjie Zhou");
        assertTrue(r.out().matches("(?s).*At distance 2 .*Boyu Zhu\\s+via Xinyu Zhou.*"), r.out());
    }

    @Test
    void pathShowsThePaperBehindEachLink() {
        var r = KgCommandLineTest.kg("path", "--store", store, "Runjie Zhou", "Boyu Zhu");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("collaboration distance 2"), r.out());
        assertTrue(r.out().matches("(?s).*Runjie Zhou -- Xinyu Zhou.*2602\\.02537.*Xinyu Zhou -- Boyu Zhu.*2602\\.17684.*"), r.out());
    }

    @Test
    void collaborationsRankTheStrongestPairs() {
        var r = KgCommandLineTest.kg("collaborations", "--store", store, "--top", "3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("5,166 pairs among 1,436 authors"), r.out());
        assertTrue(r.out().matches("(?s).*1\\s+3\\s+0\\.476\\s+Bilge Kaan Görür \\+ Burak Aktaş.*"), r.out());
    }

    @Test
    void gexfExportOpensWithEveryAuthorAndLink() throws Exception {
        Path out = tmp.resolve("net.gexf");
        var r = KgCommandLineTest.kg("network", "--store", store, "--format", "gexf", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile());
        assertEquals(1436, doc.getElementsByTagName("node").getLength()); // "Kehai Chen" and "Kehai chen" are one
        assertEquals(5166, doc.getElementsByTagName("edge").getLength());
    }

    @Test
    void anUnknownNameGetsTheClosestNamesNotAStackTrace() {
        var r = KgCommandLineTest.kg("coauthors", "--store", store, "runjie zhuo");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("Closest names: Runjie Zhou"), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
    }

    @Test
    void accentAndCaseDoNotMatter() {
        var r = KgCommandLineTest.kg("coauthors", "--store", store, "bilge kaan gorur");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Bilge Kaan Görür: 3 papers"), r.out());
    }

    @Test
    void theNamedCoauthorsQueryAgreesWithTheCommand() {
        var r = KgCommandLineTest.kg("query", "--store", store, "--format", "csv", "--param", "author=Runjie Zhou", "coauthors");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().strip().split("\r?\n");
        assertEquals("coauthor,papers", lines[0]);
        assertEquals(19, lines.length, "a header and the 18 co-authors");
    }
}
