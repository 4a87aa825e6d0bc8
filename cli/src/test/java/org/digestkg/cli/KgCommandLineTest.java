package org.digestkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.digestkg.storage.StoredDigests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end, in-process, on the sample digests: what a user types and what they see. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KgCommandLineTest {

    @TempDir
    static Path tmp;
    static String store;
    static List<SampleOracle> samples;

    record Run(int exit, String out, String err) {
    }

    static synchronized Run kg(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Kg.commandLine(args).execute(args); // as kg's main runs them
            System.out.flush();
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    /** {@code kg} in a JVM of its own, with these JVM options (the class path this test runs with). */
    static ProcessBuilder process(List<String> jvmOptions, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Kg.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    @BeforeAll
    static void build() {
        store = tmp.resolve("store").toString();
        samples = SampleOracle.all();
        assertEquals(275, samples.size(), "the oracle reads every sample entry");
        Run r = kg("build", "--store", store, SampleOracle.root().resolve("data").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("2 digests loaded"), r.out());
        assertTrue(r.out().contains("275 papers"), r.out());
    }

    @Test
    @Order(1)
    void aCommandRunsWithItsOwnSubcommandAloneAndHelpAndMistakesSeeThemAll() {
        assertEquals(java.util.Set.of("stats"), Kg.commandLine(new String[] {"stats", "--store", store}).getSubcommands().keySet());
        java.util.Set<String> all = Kg.commandLine().getSubcommands().keySet();
        assertTrue(all.containsAll(List.of("build", "stats", "search", "network", "help", "generate-completion")), all.toString());
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "stats"}, {"stsat"}, {"generate-completion"}}) {
            assertEquals(all, Kg.commandLine(args).getSubcommands().keySet(), String.join(" ", args));
        }
        Run typo = kg("stsat");
        assertEquals(2, typo.exit());
        assertTrue(typo.err().contains("kg stats"), "a mistake still suggests the command: " + typo.err());
        Run help = kg("help", "stats");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("Usage: kg stats"), help.out());
    }

    @Test
    @Order(1)
    void helpWorksOnEveryCommand() {
        Run top = kg("--help");
        assertEquals(0, top.exit());
        for (String cmd : List.of("build", "query", "export", "stats", "remove")) {
            assertTrue(top.out().contains(cmd), "--help lists " + cmd);
            Run r = kg(cmd, "--help");
            assertEquals(0, r.exit(), cmd);
            assertTrue(r.out().contains("Usage: kg " + cmd), r.out());
        }
    }

    @Test
    void papersListsEverySamplePaperWithItsExactTitle() {
        Run r = kg("query", "--store", store, "--format", "csv", "papers");
        assertEquals(0, r.exit(), r.err());
        List<QuerySolution> rows = rows(r.out(), ResultSetLang.RS_CSV);
        assertEquals(275, rows.size());
        Map<String, SampleOracle> byKey = new HashMap<>();
        samples.forEach(s -> byKey.put(s.arxivId() + "@" + s.date(), s));
        for (QuerySolution row : rows) {
            String key = row.get("arxivId").toString() + "@" + row.get("date").asLiteral().getLexicalForm();
            SampleOracle expected = byKey.remove(key);
            assertTrue(expected != null, "unexpected or repeated row " + key);
            assertEquals(expected.title(), row.get("title").asLiteral().getLexicalForm());
            assertEquals(expected.category(), row.get("category").asLiteral().getLexicalForm());
        }
        assertTrue(byKey.isEmpty(), "missing " + byKey.keySet());
    }

    @Test
    void authorshipsGiveEveryAuthorListExactlyAsPrinted() {
        Run r = kg("query", "--store", store, "--format", "tsv", "authorships");
        assertEquals(0, r.exit(), r.err());
        Map<String, List<String>> lists = new HashMap<>();
        for (QuerySolution row : rows(r.out(), ResultSetLang.RS_TSV)) {
            List<String> names = lists.computeIfAbsent(row.get("arxivId").asLiteral().getLexicalForm(), k -> new ArrayList<>());
            int position = row.get("position").asLiteral().getInt();
            assertEquals(names.size() + 1, position, "positions run 1, 2, 3 ... in order");
            names.add(row.get("name").asLiteral().getLexicalForm());
        }
        for (SampleOracle s : samples) {
            assertEquals(s.authors(), lists.get(s.arxivId()), s.arxivId());
        }
    }

    @Test
    void paperTextReturnsEveryFieldVerbatim() {
        Run r = kg("query", "--store", store, "--format", "json", "paper-text");
        assertEquals(0, r.exit(), r.err());
        List<QuerySolution> rows = rows(r.out(), ResultSetLang.RS_JSON);
        assertEquals(275, rows.size());
        Map<String, QuerySolution> byKey = new HashMap<>();
        rows.forEach(row -> byKey.put(row.get("arxivId").asLiteral().getLexicalForm() + "@"
                + row.get("date").asLiteral().getLexicalForm(), row));
        Map<String, String> vars = Map.of("TL;DR", "tldr", "Motivation", "motivation", "Method", "method",
                "Result", "result", "Conclusion", "conclusion", "Abstract", "abstract");
        int checked = 0;
        for (SampleOracle s : samples) {
            QuerySolution row = byKey.get(s.arxivId() + "@" + s.date());
            for (var field : s.fields().entrySet()) {
                var value = row.get(vars.get(field.getKey()));
                assertTrue(value != null, s.arxivId() + " " + field.getKey());
                assertEquals(field.getValue(), value.asLiteral().getLexicalForm(), s.arxivId() + " " + field.getKey());
                checked++;
            }
            assertEquals("en", row.get("abstract").asLiteral().getLanguage());
        }
        assertTrue(checked >= 275 * 6, "every field of every paper was compared: " + checked);
    }

    @Test
    void parametersNarrowANamedQuery() {
        Run r = kg("query", "--store", store, "--format", "csv", "--param", "arxivId=2602.02537", "authorships");
        List<QuerySolution> rows = rows(r.out(), ResultSetLang.RS_CSV);
        assertEquals(19, rows.size());
        assertEquals("Runjie Zhou", rows.get(0).get("name").asLiteral().getLexicalForm());
    }

    @Test
    void aParameterFiltersEveryNamedQueryInsteadOfRelabellingRows() {
        for (String query : List.of("papers", "paper-text", "authorships")) {
            Run r = kg("query", "--store", store, "--format", "json", "--param", "arxivId=2602.02537", query);
            assertEquals(0, r.exit(), query + ": " + r.err());
            List<QuerySolution> rows = rows(r.out(), ResultSetLang.RS_JSON);
            assertTrue(!rows.isEmpty(), query);
            for (QuerySolution row : rows) {
                if (row.contains("title")) {
                    assertTrue(row.get("title").toString().startsWith("WorldVQA"), query + " returned " + row);
                }
                if (row.contains("abstract")) {
                    assertTrue(row.get("abstract").asLiteral().getLexicalForm().startsWith("We introduce WorldVQA"), query + " returned " + row);
                }
            }
        }
        Run byCategory = kg("query", "--store", store, "--format", "csv", "--param", "category=cs.MA", "papers");
        assertEquals(2, rows(byCategory.out(), ResultSetLang.RS_CSV).size());
    }

    @Test
    void aParameterTheQueryDoesNotUseIsRefused() {
        Run r = kg("query", "--store", store, "--param", "arxivid=2602.02537", "papers");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no variable ?arxivid"), r.err());
    }

    @Test
    void inlineQueriesAndTableOutput() {
        Run r = kg("query", "--store", store, "-e",
                "PREFIX dkg: <https://w3id.org/digest-kg/ontology#> SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a dkg:Paper }");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("275"), r.out());
        assertTrue(r.out().contains("| n "), "a table for people: " + r.out());
    }

    @Test
    void constructPrintsTurtle() {
        Run r = kg("query", "--store", store, "-e",
                "CONSTRUCT { ?p ?x ?o } WHERE { ?p <https://w3id.org/digest-kg/ontology#arxivId> \"2602.02537\" ; ?x ?o }");
        assertEquals(0, r.exit(), r.err());
        var g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.out(), Lang.TURTLE).parse(g);
        assertTrue(g.size() > 19, "the paper's triples: " + g.size());
    }

    @Test
    void exportNQuadsKeepsBothDigestGraphs() throws Exception {
        Path out = tmp.resolve("kg.nq");
        Run r = kg("export", "--store", store, "--format", "nq", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        DatasetGraph back = DatasetGraphFactory.createGeneral();
        RDFParser.source(out).lang(Lang.NQUADS).parse(back);
        assertEquals(2, org.apache.jena.atlas.iterator.Iter.count(back.listGraphNodes()));
        assertTrue(Files.size(out) > 100_000);
    }

    @Test
    void statsCountsTheSamples() {
        Run r = kg("stats", "--store", store);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("(?s).*papers\\s+275\\b.*"), r.out());
        assertTrue(r.out().matches("(?s).*digests\\s+2\\b.*"), r.out());
        assertTrue(r.out().matches("(?s).*2026-02-04\\s+cs\\.CV\\s+86\\b.*"), r.out());
        assertTrue(r.out().matches("(?s).*2026-02-23\\s+cs\\.MA\\s+2\\b.*"), r.out());
    }

    @Test
    @Order(100)
    void buildingAgainChangesNothingAndSaysSoWithoutOpeningTheStore() throws Exception {
        String data = SampleOracle.root().resolve("data").toString();
        Path lock = Path.of(store, "tdb.lock"); // TDB2 writes its process id into it each time it opens the store
        FileTime opened = Files.getLastModifiedTime(lock);
        Run quick = kg("build", "--store", store, data);
        assertEquals(0, quick.exit(), quick.out() + quick.err());
        assertTrue(quick.out().contains("0 digests loaded, 2 unchanged"), quick.out());
        assertEquals(opened, Files.getLastModifiedTime(lock), "the store was not opened");

        Path list = Path.of(store, StoredDigests.FILE);
        Files.delete(list);
        Run loaded = kg("build", "--store", store, data); // the store itself decides now
        assertNotEquals(opened, Files.getLastModifiedTime(lock), "the store was opened");
        assertEquals(withoutTimes(loaded.out()), withoutTimes(quick.out()), "the same report either way");
        assertTrue(Files.isRegularFile(list), "and the build kept the list again");
    }

    @Test
    void statsAndCoauthorshipReadWhatIsKeptBesideTheStoreWithoutOpeningIt() throws Exception {
        kg("stats", "--store", store); // whatever ran before: a reader that opens the store keeps the list again
        Path lock = Path.of(store, "tdb.lock");
        FileTime opened = Files.getLastModifiedTime(lock);
        List<List<String>> commands = List.of(List.of("stats"), List.of("coauthors", "Runjie Zhou"),
                List.of("network", "--author", "Runjie Zhou", "--format", "csv"), List.of("authors", "--top", "5"));
        List<Run> quick = new ArrayList<>();
        for (List<String> command : commands) {
            quick.add(kg(withStore(command)));
        }
        assertEquals(opened, Files.getLastModifiedTime(lock), "the store was not opened");
        for (int i = 0; i < commands.size(); i++) {
            Files.deleteIfExists(Path.of(store, StoredDigests.FILE));
            Run read = kg(withStore(commands.get(i)));
            assertNotEquals(opened, Files.getLastModifiedTime(lock), "the store was opened");
            assertEquals(0, quick.get(i).exit(), quick.get(i).err());
            assertEquals(read, quick.get(i), "the same answer either way: " + commands.get(i));
        }
        assertTrue(quick.get(1).out().contains("Runjie Zhou"), quick.get(1).out());
    }

    private static String[] withStore(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.addAll(1, List.of("--store", store));
        return args.toArray(String[]::new);
    }

    private static String withoutTimes(String report) {
        return report.replaceAll("[0-9.]+ s\\R", "T s\n");
    }

    @Test
    void mistakesGetAMessageAndANonZeroExit() throws IOException {
        Run unknown = kg("query", "--store", store, "no-such-query");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no query named 'no-such-query'"), unknown.err());
        Run missing = kg("build", "--store", tmp.resolve("other").toString(), tmp.resolve("nothing-here").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nothing-here"), missing.err());
        Path notDigests = tmp.resolve("not-digests");
        Files.createDirectories(notDigests.resolve(".hidden"));
        Files.writeString(notDigests.resolve("2026-02-04.txt"), "a digest under a name that is not read");
        Files.writeString(notDigests.resolve(".hidden/2026-02-04.md"), "");
        Run empty = kg("build", "--store", tmp.resolve("other").toString(), notDigests.toString());
        assertEquals(2, empty.exit());
        assertTrue(empty.err().contains("no digest or RDF file in folder " + notDigests), empty.err());
        assertFalse(Files.exists(tmp.resolve("other")), "no store is made for nothing");
        Run noStore = kg("stats", "--store", tmp.resolve("absent").toString());
        assertNotEquals(0, noStore.exit());
        assertTrue(noStore.err().contains("no store at"), noStore.err());
        Run badSparql = kg("query", "--store", store, "-e", "SELECT WHERE {");
        assertNotEquals(0, badSparql.exit());
        assertTrue(badSparql.err().contains("kg query:"), badSparql.err());
    }

    @Test
    void usageMistakesExitTwoWithTheMistakeAndWhereHelpIs() throws Exception {
        Path pw = Files.writeString(tmp.resolve("pw.txt"), "x\n");
        List<List<String>> mistakes = List.of(
                List.of("query", "--store", store, "--format", "yaml", "papers"),
                List.of("query", "--store", store, "--param", "arxivId=1", "--param", "arxivId=2", "papers"),
                List.of("query", "--store", store, "--param", "rank=1", "papers"),
                List.of("query", "--store", store, "no-such-query"),
                List.of("export", "--store", store, "--format", "n3"),
                List.of("stats", "--store", tmp.resolve("absent").toString()),
                List.of("push", "--store", store, "--endpoint", "http://127.0.0.1:1/x", "--user", "u"),
                List.of("push", "--store", store, "--endpoint", "http://127.0.0.1:1/x", "--password-file", pw.toString()),
                List.of("network", "--store", store, "--format", "pajek"),
                List.of("authors", "--store", store, "--by", "fame"),
                List.of("serve", "--store", tmp.resolve("served").toString(), tmp.resolve("no-such-folder").toString()),
                List.of("build", "--store", store, "--date", "2026-02-04", tmp.resolve("a.md").toString(),
                        tmp.resolve("b.md").toString()));
        Files.writeString(tmp.resolve("a.md"), "");
        Files.writeString(tmp.resolve("b.md"), "");
        for (List<String> args : mistakes) {
            Run r = kg(args.toArray(String[]::new));
            assertEquals(2, r.exit(), args + ": " + r.err());
            assertTrue(r.err().startsWith("kg " + args.get(0) + ": "), args + ": " + r.err());
            assertTrue(r.err().contains("Try 'kg " + args.get(0) + " --help'"), args + ": " + r.err());
        }
    }

    @Test
    void formatOptionsListTheirValuesAndTakeThemInAnyCase() {
        assertTrue(kg("query", "--help").out().contains("table, csv, tsv, json, xml"), kg("query", "--help").out());
        assertTrue(kg("export", "--help").out().contains("ttl, nt, nq, trig, jsonld, rdfxml"), kg("export", "--help").out());
        assertTrue(kg("network", "--help").out().contains("graphml, gexf, dot, csv"), kg("network", "--help").out());
        assertTrue(kg("authors", "--help").out().contains("papers, degree, centrality"), kg("authors", "--help").out());
        Run upper = kg("query", "--store", store, "--format", "CSV", "-e", "ASK {}");
        assertEquals(0, upper.exit(), upper.err());
        assertEquals("_askResult", upper.out().lines().findFirst().orElse(""));
    }

    @Test
    void validateSaysTheSamplesConformAndExitsOneOnAViolation() throws Exception {
        Run ok = kg("validate", "--store", store);
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        assertEquals("conforms: 2 graphs and their union satisfy ontology/shapes.ttl", ok.out().strip());

        String other = tmp.resolve("invalid").toString();
        Path bad = Files.writeString(tmp.resolve("bad.ttl"),
                "<https://w3id.org/digest-kg/paper/not-an-id> a <https://w3id.org/digest-kg/ontology#Paper> .\n");
        assertEquals(0, kg("build", "-q", "--store", other, TestDigests.feb23().toString(), bad.toString()).exit());
        Run r = kg("validate", "--store", other);
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("https://w3id.org/digest-kg/paper/not-an-id"), r.out());
        assertTrue(r.out().matches("(?s).*does not conform: \\d+ violations of ontology/shapes.ttl in 2 graphs and their union\\s*"), r.out());
    }

    @Test
    void versionIsTheOneMavenBuilt() throws Exception {
        String pom = Files.readString(SampleOracle.root().resolve("pom.xml"));
        var m = java.util.regex.Pattern.compile("<artifactId>digest-kg</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "the parent POM names its version");
        Run r = kg("--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("digest-kg " + m.group(1) + "\n"), r.out());
        assertTrue(r.out().contains("Apache Jena " + org.apache.jena.Jena.VERSION), r.out());
    }

    @Test
    void theCompletionScriptOffersCommandsOptionsAndFormatValues() throws Exception {
        Run script = kg("generate-completion");
        assertEquals(0, script.exit(), script.err());
        Path file = Files.writeString(tmp.resolve("kg-completion.bash"), script.out());
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "skipped: no bash");
        // what bash's completion machinery does on TAB: set COMP_* and call the function the script registered
        String complete = "source " + file + "\n"
                + "c() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE};"
                + " _complete_kg kg \"${@: -1}\" \"${@: -2:1}\" 2>/dev/null; echo \"${COMPREPLY[*]}\"; }\n"
                + "c kg qu\nc kg export --format ''\nc kg query --for\nc kg network --format ''\n";
        Process bash = new ProcessBuilder("bash", "-c", complete).redirectErrorStream(true).start();
        List<String> lines = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, bash.waitFor());
        assertEquals(List.of("query", "ttl nt nq trig jsonld rdfxml", "--format", "graphml gexf dot csv"), lines);
    }

    private static List<QuerySolution> rows(String text, Lang lang) {
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), lang);
        List<QuerySolution> rows = new ArrayList<>();
        rs.forEachRemaining(rows::add);
        return rows;
    }
}
