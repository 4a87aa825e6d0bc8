package org.digestkg.server.watch;

import static org.digestkg.server.watch.Recorder.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.digestkg.coauthorship.CoauthorGraph;
import org.digestkg.coauthorship.StoredNetwork;
import org.digestkg.extractor.rdf.DCTERMS;
import org.digestkg.extractor.rdf.DKG;
import org.digestkg.extractor.rdf.FOAF;
import org.digestkg.extractor.rdf.RDF;
import org.digestkg.server.KgServer;
import org.digestkg.server.TestData;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.LoadResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kg serve --watch}: a real TDB2 store served by a real Fuseki on a free loopback port, a real folder watched,
 * real sample digests written into it; what they hold is asked for over HTTP, as a client would. No test measures
 * time: each waits, with a generous deadline, for what must happen.
 */
class FolderWatchTest {

    private static final String DAY = "2026-02-04";
    private static final String PAPERS = "PREFIX dkg: <" + DKG.BASE + "ontology#>\n";
    /** The papers of {@link #sample()}, the first of the real sample's (loads stay short on a busy machine). */
    private static final int SAMPLE_PAPERS = 20;
    private static final String WORLDVQA = "2602.02537";
    private static final WatchSettings QUICK = new WatchSettings(Duration.ofMillis(200), Duration.ofMillis(200),
            System::nanoTime, 0, 0);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;
    Path folder;
    Path storeDir;
    KgServer server;
    GraphStore store;
    final Recorder events = new Recorder();
    LogCapture log;

    @BeforeEach
    void folder() throws IOException {
        folder = Files.createDirectories(tmp.resolve("incoming"));
        storeDir = tmp.resolve("store");
        log = new LogCapture(FolderWatch.class);
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        log.close();
    }

    private void serve(WatchSettings settings, WatchEvents watchEvents) {
        store = GraphStore.open(storeDir);
        server = KgServer.builder().store(store).port(0)
                .module(FolderWatch.of(folder, settings, watchEvents)).build().start();
    }

    private void serve() {
        serve(QUICK, events);
    }

    @Test
    void aDigestRenamedIntoTheWatchedFolderIsFoundBySparqlAndBySearch() throws IOException {
        serve();
        // written under a dot-name first, as a copy tool would: not a digest yet
        Path part = Files.writeString(folder.resolve("." + DAY + ".md"), sample(), StandardCharsets.UTF_8);
        events.awaitRounds(5);
        assertEquals(List.of(), events.changes, "a hidden file is not looked at");

        Files.move(part, folder.resolve(DAY + ".md"), StandardCopyOption.ATOMIC_MOVE);

        await(() -> ask("ASK { GRAPH <" + digest(DAY) + "> { ?s ?p ?o } }"), "the digest's graph answers SPARQL");
        assertEquals(SAMPLE_PAPERS, papers(DAY));
        await(() -> searchIds("WorldVQA").contains(WORLDVQA), "search finds a title of the new digest");
        assertEquals(Set.of(WORLDVQA), searchIds("WorldVQA"));
        await(() -> log.has("INFO", "Co-authorship index updated"), "the co-authorship index is rebuilt after the load");
        assertTrue(log.has("INFO", "Loaded", DAY + ".md", SAMPLE_PAPERS + " papers"), log.lines().toString());
        assertEquals(List.of(Path.of(DAY + ".md")), events.loading, "loaded once, under its own name only");
    }

    @Test
    void aChangedDigestReplacesTheOldOneAndUnchangedBytesAreSkipped() throws IOException {
        serve();
        Path file = drop(DAY + ".md", sample());
        await(() -> searchIds("WorldVQA").contains(WORLDVQA), "the first version is searchable");

        // touched: looks changed, holds the same bytes
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
        await(() -> !events.loadsOf(DAY + ".md", LoadResult.Status.UNCHANGED).isEmpty(), "the touched file is read");

        drop(DAY + ".md", sample().replace("WorldVQA", "Quokkabench"));
        await(() -> searchIds("Quokkabench").contains(WORLDVQA), "the new text is searchable");
        assertEquals(Set.of(), searchIds("WorldVQA"), "the old text is no longer found");
        assertTrue(!ask(PAPERS + "ASK { GRAPH ?g { ?p ?title ?t FILTER(CONTAINS(STR(?t), 'WorldVQA')) } }"),
                "nor held by any graph");
        assertEquals(SAMPLE_PAPERS, papers(DAY));
        assertEquals(2, events.loadsOf(DAY + ".md", LoadResult.Status.LOADED).size());

        await(() -> log.lines().stream().filter(l -> l.contains("Co-authorship index updated")).count() == 2,
                "the co-authorship network is brought up to date after each load");
        // its file is written just after the index is served from it
        await(() -> StoredNetwork.kept(store).isPresent(), "the network is kept beside the store for its state");
        CoauthorGraph kept = StoredNetwork.kept(store).orElseThrow();
        assertTrue(kept.sameAs(CoauthorGraph.load(store)), "the network kept beside the store equals a fresh one");
    }

    @Test
    void theStoreIsCompactedAfterALoadOnceItsDataHasGrownAndAnswersAsBefore() throws IOException {
        // at 1x, any load that writes grows the data past its size at the start: compacted after every load
        serve(new WatchSettings(QUICK.quiet(), QUICK.rescan(), System::nanoTime, 0, 1), events);
        try (LogCapture network = new LogCapture(StoredNetwork.class)) {
            drop(DAY + ".md", sample());
            await(() -> log.has("INFO", "Compacted the store"), "the load grew the store, which was then compacted");
            assertTrue(Files.isDirectory(storeDir.resolve("Data-0002")), "TDB2 wrote the data afresh");
            assertTrue(!Files.exists(storeDir.resolve("Data-0001")), "and deleted the old storage");
            assertEquals(SAMPLE_PAPERS, papers(DAY));
            assertEquals(Set.of(WORLDVQA), searchIds("WorldVQA"));
            CoauthorGraph kept = StoredNetwork.kept(store).orElseThrow(
                    () -> new AssertionError("the kept network is for the compacted store's state"));
            assertTrue(kept.sameAs(CoauthorGraph.load(store)), "and equals a fresh one");
            // (the server's start may log "none yet": the store was empty)
            assertTrue(!network.has("INFO", "made for another state"),
                    "carried over, not read again: " + network.lines());

            // the watch goes on into the compacted store
            drop(DAY + ".md", sample().replace("WorldVQA", "Quokkabench"));
            await(() -> searchIds("Quokkabench").contains(WORLDVQA), "a changed digest loads after the compaction");
            await(() -> log.lines().stream().filter(l -> l.contains("Compacted the store")).count() == 2,
                    "and the store is compacted again");
            assertEquals(SAMPLE_PAPERS, papers(DAY));
            assertEquals(Set.of(), searchIds("WorldVQA"));
        }
    }

    @Test
    void aWriteByAnotherWriterBetweenALoadAndTheNetworksUpdateIsNotMissed() throws IOException {
        // a server with updates allowed: a SPARQL update may commit between a watched load's commit and the update
        // of the kept network, which then cannot go by the loaded day alone
        Node graph = NodeFactory.createURI("urn:test:other");
        Node paper = NodeFactory.createURI(DKG.BASE + "paper/2601.99999");
        Node ada = NodeFactory.createURI(DKG.BASE + "author/ada-lovelace");
        Node charles = NodeFactory.createURI(DKG.BASE + "author/charles-babbage");
        serve(QUICK, new Recorder() {
            @Override
            public void loaded(LoadResult result) {
                super.loaded(result);
                if (result.status() != LoadResult.Status.LOADED) return;
                // on the watcher's thread, just after its commit: what another writer would do then
                Txn.executeWrite(store.datasetGraph(), () -> {
                    store.datasetGraph().add(graph, paper, RDF.type, DKG.Paper);
                    store.datasetGraph().add(graph, paper, DCTERMS.creator, ada);
                    store.datasetGraph().add(graph, paper, DCTERMS.creator, charles);
                    store.datasetGraph().add(graph, ada, FOAF.name, NodeFactory.createLiteralString("Ada Lovelace"));
                    store.datasetGraph().add(graph, charles, FOAF.name,
                            NodeFactory.createLiteralString("Charles Babbage"));
                });
            }
        });
        drop(DAY + ".md", sample());
        await(() -> log.has("INFO", "Co-authorship index updated"), "the network is brought up to date after the load");
        CoauthorGraph fresh = CoauthorGraph.load(store);
        assertTrue(IntStream.range(0, fresh.authorCount()).anyMatch(a -> fresh.author(a).name().equals("Ada Lovelace")),
                "the other writer's paper is in the store's network");
        await(() -> StoredNetwork.kept(store).isPresent(), "the network is kept beside the store for its state");
        CoauthorGraph kept = StoredNetwork.kept(store).orElseThrow();
        assertTrue(kept.sameAs(fresh), "the network kept beside the store holds the other writer's paper too");
    }

    @Test
    void aBrokenFileIsLoggedWithItsLineAndTheServerGoesOnToLoadTheNextGoodFile() throws IOException {
        serve();
        drop("broken.ttl", "@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e ex:f ex:g .\n");
        drop("2026-02-05.md", "# cs.CV\n\u0000\u0001\u0002 not text\n");
        await(() -> events.imported.size() == 1 && events.loadsOf("2026-02-05.md").size() == 1, "both were tried");
        assertEquals(LoadResult.Status.FAILED, events.imported.get(0).status());
        assertEquals(LoadResult.Status.FAILED, events.loadsOf("2026-02-05.md").get(0).status());
        assertTrue(log.has("WARN", "broken.ttl:3"), "the log names the file and line: " + log.lines());
        assertTrue(log.has("WARN", "2026-02-05.md", "not a text file"), log.lines().toString());
        assertTrue(ask("ASK { }"), "the server still answers");
        assertTrue(!ask("ASK { GRAPH ?g { ?s ?p ?o } }"), "nothing of either was written");

        drop(DAY + ".md", sample());
        await(() -> ask("ASK { GRAPH <" + digest(DAY) + "> { ?s ?p ?o } }"), "the next good digest is loaded");
        assertEquals(SAMPLE_PAPERS, papers(DAY));
    }

    @Test
    void aFileWrittenInTwoHalvesWithAPauseIsLoadedWholeOnly() throws IOException {
        // the quiet period measured on a clock the test holds still: it passes when the test says so, never by itself
        AtomicLong clock = new AtomicLong();
        serve(new WatchSettings(Duration.ofSeconds(1), Duration.ofMillis(100), clock::get, 0, 0), events);
        String text = sample();
        String first = text.substring(0, text.length() / 2);
        byte[] firstBytes = first.getBytes(StandardCharsets.UTF_8);
        byte[] all = text.getBytes(StandardCharsets.UTF_8);
        Path file = folder.resolve(DAY + ".md");

        Files.write(file, firstBytes);
        await(() -> events.changes.contains(new Recorder.Change(file.getFileName(), firstBytes.length)),
                "the first half is seen");
        clock.addAndGet(Duration.ofMillis(500).toNanos());
        events.awaitRounds(3);
        assertEquals(List.of(file.getFileName()), events.loading, "a load is tried before the quiet period is over");
        assertEquals(List.of(), events.loaded, "but half a quiet period later, nothing is kept or reported");
        assertTrue(!ask("ASK { GRAPH ?g { ?s ?p ?o } }"), "nothing was written");

        Files.write(file, text.substring(first.length()).getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        await(() -> events.changes.contains(new Recorder.Change(file.getFileName(), all.length)), "the rest is seen");
        clock.addAndGet(Duration.ofMillis(600).toNanos());
        events.awaitRounds(3);
        assertEquals(2, events.loading.size(), "the whole file is tried too: " + events.loading);
        assertEquals(List.of(), events.loaded, "the quiet period counts from the last change, not the first");
        assertTrue(!ask("ASK { GRAPH ?g { ?s ?p ?o } }"), "nothing was written");

        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        await(() -> !events.loaded.isEmpty(), "loaded once quiet");
        events.awaitRounds(3);
        assertEquals(1, events.loaded.size(), "loaded once: " + events.loaded);
        assertEquals(LoadResult.Status.LOADED, events.loaded.get(0).status());
        assertEquals(SAMPLE_PAPERS, events.loaded.get(0).papers());
        assertEquals(SAMPLE_PAPERS, papers(DAY));
    }

    @Test
    void aDigestThatChangesAfterItsLoadStartedIsRolledBackAndLoadedAgainAsItIsNow() throws IOException {
        Path file = folder.resolve(DAY + ".md");
        String changed = sample().replace("WorldVQA", "Quokkabench") + "\n";
        Recorder changing = new Recorder() {
            @Override
            public void loading(Path name) {
                super.loading(name);
                if (loading.size() == 1) {
                    try {
                        Files.writeString(file, changed, StandardCharsets.UTF_8); // between its look and its commit
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        };
        serve(QUICK, changing);
        drop(DAY + ".md", sample());
        await(() -> searchIds("Quokkabench").contains(WORLDVQA), "the file as it is now is loaded");
        assertEquals(Set.of(), searchIds("WorldVQA"), "what the first load read was not kept");
        changing.awaitRounds(3);
        assertEquals(List.of(file.getFileName(), file.getFileName()), changing.loading, "read twice");
        assertEquals(1, changing.loaded.size(), "committed and reported once: " + changing.loaded);
        assertEquals(LoadResult.Status.LOADED, changing.loaded.get(0).status());
    }

    @Test
    void aGzippedRdfFileIsImportedAsKgBuildImportsIt() throws IOException {
        serve();
        Path tmpFile = folder.resolve(".extra.nt.gz.tmp");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(tmpFile))) {
            out.write("<https://example.org/a> <https://example.org/b> \"imported\" .\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.move(tmpFile, folder.resolve("extra.nt.gz"), StandardCopyOption.ATOMIC_MOVE);
        await(() -> ask("ASK { GRAPH <" + DKG.BASE + "import/extra.nt.gz> { ?s ?p 'imported' } }"),
                "the triple, in the graph named after the file");
        // the event comes once the import has returned, a moment after its commit answers
        await(() -> !events.imported.isEmpty(), "the import is reported");
        assertEquals(LoadResult.Status.LOADED, events.imported.get(0).status());
    }

    @Test
    void digestsAlreadyInTheFolderAreLoadedWhenTheWatchStarts() throws IOException {
        Files.writeString(folder.resolve(DAY + ".md"), sample());
        Path sub = Files.createDirectories(folder.resolve("march"));
        Files.writeString(sub.resolve("2026-03-01.md"), sample());
        serve();
        await(() -> ask("ASK { GRAPH <" + digest(DAY) + "> {?s ?p ?o} GRAPH <" + digest("2026-03-01")
                + "> {?s2 ?p2 ?o2} }"), "both digests, the one in a subfolder too");
        assertEquals(SAMPLE_PAPERS, papers(DAY));
        assertEquals(SAMPLE_PAPERS, papers("2026-03-01"));
    }

    @Test
    void theLoadPathIsRehearsedOnTheSamplesInAScratchStoreThatIsDeletedAfter() throws IOException {
        Path parent = Files.createDirectories(tmp.resolve("scratch"));
        // one round, not a server's four: what a round does is the same, and each takes seconds
        assertTrue(LoadRehearsal.run(parent, 1, () -> false), "both samples ship in the jar and load");
        try (var left = Files.list(parent)) {
            assertEquals(List.of(), left.toList(), "the scratch store is gone");
        }
        assertTrue(!LoadRehearsal.run(parent, 1, () -> true), "a stopping watch stops it");

        Files.writeString(folder.resolve(DAY + ".md"), sample());
        serve(new WatchSettings(QUICK.quiet(), QUICK.rescan(), System::nanoTime, 1, 0), events);
        await(() -> log.has("INFO", "Load path warmed up on the sample digests"), "the watch rehearses first");
        await(() -> ask("ASK { GRAPH <" + digest(DAY) + "> { ?s ?p ?o } }"), "then loads the folder");
        assertEquals(SAMPLE_PAPERS, papers(DAY));
        assertTrue(!ask("ASK { GRAPH <" + digest("2026-02-23") + "> { ?s ?p ?o } }"), "no sample in the served store");
        assertEquals(1, log.lines().stream().filter(l -> l.contains("Loaded")).count(), "nor in its log: " + log.lines());
    }

    @Test
    void closingTheServerDuringALoadWaitsForItAndLeavesTheStoreWhole() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        AtomicBoolean loadedBeforeClosed = new AtomicBoolean();
        Thread[] closer = new Thread[1];
        serve(QUICK, new Recorder() {
            @Override
            public void loading(Path file) {
                super.loading(file);
                // close now, from another thread, and let the load go on only once the server has stopped answering:
                // the close is then waiting for this load, which must finish before the store is closed
                closer[0] = new Thread(() -> {
                    server.close();
                    closed.set(true);
                });
                closer[0].start();
                await(() -> !answers(), "the server stops answering");
            }

            @Override
            public void loaded(LoadResult result) {
                super.loaded(result);
                loadedBeforeClosed.set(result.status() == LoadResult.Status.LOADED && !closed.get());
            }
        });
        drop(DAY + ".md", sample());
        await(closed::get, "the server closed");
        closer[0].join();
        assertTrue(loadedBeforeClosed.get(), "close returned only after the load had committed");
        server = null;

        try (GraphStore store = GraphStore.open(storeDir)) {
            Node graph = org.apache.jena.graph.NodeFactory.createURI(digest(DAY));
            long papers = Txn.calculateRead(store.datasetGraph(),
                    () -> (long) store.datasetGraph().stream(graph, null, RDF.type, DKG.Paper).count());
            assertEquals(SAMPLE_PAPERS, papers, "the whole digest, committed");
            assertEquals(java.util.Map.of(), store.text().compare(), "and its text index agrees");
        }
    }

    // --- a client's view -------------------------------------------------------------------------------------------

    private Path drop(String name, String content) throws IOException {
        Path tmpFile = Files.writeString(folder.resolve("." + name + ".tmp"), content, StandardCharsets.UTF_8);
        return Files.move(tmpFile, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** The real sample digest of {@link #DAY}, cut after its first {@link #SAMPLE_PAPERS} entries. */
    private static String sample() throws IOException {
        String text = Files.readString(TestData.sample(DAY + ".md"), StandardCharsets.UTF_8);
        int end = -1;
        for (int i = 0; i <= SAMPLE_PAPERS; i++) {
            end = text.indexOf("\n### [", end + 1);
        }
        return text.substring(0, end + 1);
    }

    private static String digest(String day) {
        return DKG.BASE + "digest/" + day;
    }

    private long papers(String day) {
        JsonObject r = query(PAPERS + "SELECT (COUNT(DISTINCT ?p) AS ?n) { GRAPH <" + digest(day) + "> { ?p a dkg:Paper } }");
        return Long.parseLong(r.get("results").getAsObject().get("bindings").getAsArray().get(0).getAsObject()
                .get("n").getAsObject().get("value").getAsString().value());
    }

    private boolean ask(String query) {
        return query(query).get("boolean").getAsBoolean().value();
    }

    private JsonObject query(String query) {
        HttpResponse<String> r = get(server.sparqlUrl() + "?query=" + enc(query), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.parse(r.body());
    }

    private Set<String> searchIds(String q) {
        HttpResponse<String> r = get(server.datasetUrl() + "/search?q=" + enc(q), "application/json");
        assertEquals(200, r.statusCode(), r.body());
        Set<String> ids = new TreeSet<>();
        JSON.parse(r.body()).get("hits").getAsArray()
                .forEach(h -> ids.add(h.getAsObject().get("arxivId").getAsString().value()));
        return ids;
    }

    private boolean answers() {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query=" + enc("ASK {}")))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpResponse<String> get(String url, String accept) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
