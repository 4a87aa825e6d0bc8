package org.digestkg.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.system.Txn;
import org.digestkg.extractor.model.AuthorName;
import org.digestkg.extractor.model.Digest;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Problem;
import org.digestkg.extractor.parse.DigestException;
import org.digestkg.extractor.parse.DigestParser;
import org.digestkg.extractor.parse.DigestSink;
import org.digestkg.extractor.rdf.DKG;
import org.digestkg.extractor.rdf.Iris;
import org.digestkg.extractor.rdf.RdfMapper;

/**
 * Loads digests into the store, one write transaction per digest: a digest that fails leaves the store as it
 * was, and a digest with the same bytes as its stored version is skipped. Reloading a changed digest replaces
 * its graph.
 */
public final class DigestLoader {

    private final DatasetGraph dsg;
    private final Set<String> authorsSeen = new HashSet<>();
    private boolean strict;

    public DigestLoader(GraphStore store) {
        this.dsg = store.datasetGraph();
    }

    /** Rejects a whole digest on any warning instead of loading what was good. */
    public DigestLoader strict(boolean strict) {
        this.strict = strict;
        return this;
    }

    /**
     * Loads one digest file.
     *
     * @param date the digest's day, or null to take it from the file name
     */
    public LoadResult load(Path file, LocalDate date) {
        long t0 = System.nanoTime();
        String source = file.toString();
        DigestParser parser;
        try {
            DigestParser.Builder b = DigestParser.create().source(file).sourceName(source);
            if (date != null) b.date(date);
            parser = b.build();
        } catch (DigestException e) {
            return LoadResult.failed(source, date, e.getMessage(), since(t0));
        }
        Recorder recorder = new Recorder();
        try {
            Txn.executeWrite(dsg, () -> {
                parser.parse(new Replacing(recorder));
                if (strict && (!recorder.warnings.isEmpty() || !recorder.rejected.isEmpty())) {
                    throw new DigestException(source + ": rejected by --strict: "
                            + (recorder.warnings.size() + recorder.rejected.size()) + " warning(s)");
                }
            });
        } catch (Unchanged e) {
            return new LoadResult(source, recorder.day, LoadResult.Status.UNCHANGED, 0,
                    0, 0, 0, List.of(), List.of(), since(t0), null);
        } catch (RuntimeException e) {
            // The transaction was aborted: the store holds exactly what it held before this digest.
            String why = e instanceof DigestException ? e.getMessage() : source + ": " + e;
            return LoadResult.failed(source, recorder.day, why, since(t0));
        }
        authorsSeen.addAll(recorder.authors);
        return new LoadResult(source, recorder.day, LoadResult.Status.LOADED, recorder.papers,
                recorder.authors.size(), recorder.triples, recorder.failedFields, recorder.warnings,
                recorder.rejected, since(t0), null);
    }

    /** Distinct normalised author names over every digest this loader has loaded. */
    public long distinctAuthors() {
        return authorsSeen.size();
    }

    /** Removes the digest of {@code day}; papers it was the latest listing of fall back to their previous one. */
    public boolean remove(LocalDate day) {
        return Txn.calculateWrite(dsg, () -> {
            Node graph = Iris.digest(day);
            if (!dsg.containsGraph(graph)) return false;
            Listings listings = new Listings(dsg);
            Set<Node> held = papersHeldBy(graph);
            dsg.removeGraph(graph);
            held.forEach(p -> listings.promoteLatestRemaining(p, day));
            return true;
        });
    }

    private Set<Node> papersHeldBy(Node graph) {
        Set<Node> papers = new HashSet<>();
        dsg.find(graph, Node.ANY, DKG.title, Node.ANY).forEachRemaining(q -> {
            if (dsg.contains(graph, q.getSubject(), DKG.type, DKG.Paper)) papers.add(q.getSubject());
        });
        return papers;
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Thrown to abort the transaction of a digest whose bytes are already stored. */
    private static final class Unchanged extends RuntimeException {
        Unchanged() {
            super(null, null, false, false);
        }
    }

    private static final class Recorder {
        LocalDate day;
        long papers;
        long triples;
        long failedFields;
        final Set<String> authors = new HashSet<>();
        final List<Problem> warnings = new ArrayList<>();
        final List<Problem> rejected = new ArrayList<>();
    }

    /**
     * Between the parser and the RDF mapper: replaces the digest's previous graph, applies the latest-listing
     * rule against the other digests in the store, and records what happened.
     */
    private final class Replacing implements DigestSink {
        private final Recorder recorder;
        private final Listings listings = new Listings(dsg);
        private final Set<Node> listed = new HashSet<>();
        private Set<Node> heldBefore = Set.of();
        private Node graph;
        private LocalDate day;
        private RdfMapper mapper;
        private boolean latest;

        Replacing(Recorder recorder) {
            this.recorder = recorder;
        }

        @Override
        public void start(Digest digest) {
            day = digest.date();
            recorder.day = day;
            graph = Iris.digest(day);
            if (storedSha256(graph).filter(digest.sha256()::equals).isPresent()) {
                // stops the parser before it reads a line: the stored graph is this very file's
                throw new Unchanged();
            }
            heldBefore = papersHeldBy(graph);
            dsg.removeGraph(graph);
            mapper = new RdfMapper(StreamRDFLib.dataset(dsg), (paper, d) -> latest);
            mapper.start(digest);
        }

        @Override
        public void claimedCount(String code, int count) {
            mapper.claimedCount(code, count);
        }

        @Override
        public void paper(Paper paper) {
            Node node = paper.arxivId() != null ? Iris.paper(paper.arxivId()) : Iris.paperAt(paper.link());
            if (listed.add(node)) {
                latest = listings.daysListing(node, day).stream().noneMatch(d -> d.isAfter(day));
                if (latest) {
                    listings.holder(node).filter(g -> !g.equals(graph)).ifPresent(g -> listings.demote(g, node));
                }
            }
            recorder.papers++;
            recorder.failedFields += paper.failed().size();
            paper.authors().forEach(a -> recorder.authors.add(AuthorName.normalise(a)));
            mapper.paper(paper);
        }

        @Override
        public void warning(Problem problem) {
            recorder.warnings.add(problem);
        }

        @Override
        public void rejected(Problem problem) {
            recorder.rejected.add(problem);
        }

        @Override
        public void finish() {
            mapper.finish();
            recorder.triples = dsg.getGraph(graph).size();
            for (Node paper : heldBefore) {
                if (!listed.contains(paper)) listings.promoteLatestRemaining(paper, day);
            }
        }

        private Optional<String> storedSha256(Node graph) {
            var it = dsg.find(graph, graph, DKG.sha256, Node.ANY);
            try {
                return it.hasNext() ? Optional.of(it.next().getObject().getLiteralLexicalForm()) : Optional.empty();
            } finally {
                Iter.close(it);
            }
        }
    }
}
