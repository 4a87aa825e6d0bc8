package org.digestkg.storage;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.digestkg.extractor.rdf.DKG;
import org.digestkg.storage.query.NamedQueries;
import org.digestkg.storage.tdb.CommittedState;
import org.digestkg.storage.tdb.IndexCounts;
import org.digestkg.storage.tdb.JenaInternals;
import org.digestkg.storage.tdb.JenaInternals.Concern;

/** What the store holds, counted. */
public record Stats(long papers, long authors, long authorships, long categories, long digests, long appearances,
                    long triples, long quads, List<DayCount> perCategoryPerDay) {

    /** Papers listed under one category in one day's digest. */
    public record DayCount(LocalDate date, String category, long papers) {
    }

    /**
     * The store's counts as they are now. Counting reads the whole store (seconds for a year of digests), so the
     * result is kept in the store's folder under the store's committed state ({@link StatsFile}) and counted again
     * only after the store changed.
     */
    public static Stats of(GraphStore store) {
        DatasetGraph dsg = store.datasetGraph();
        return Txn.calculateRead(dsg, () -> {
            Optional<String> state = CommittedState.seenBy(dsg).map(CommittedState::key);
            Path file = store.dir().resolve(StatsFile.NAME);
            Optional<Stats> kept = state.flatMap(key -> StatsFile.read(file, key));
            if (kept.isPresent()) {
                return kept.get();
            }
            Stats counted = count(dsg);
            state.ifPresent(key -> StatsFile.write(file, key, counted));
            return counted;
        });
    }

    /** How {@link #update} left the counts kept beside the store. */
    public enum Kept {
        /** They were for the store's state already. */
        CURRENT,
        /** The counts of the state before the change, moved by what the change wrote. */
        MOVED,
        /** Counted from the whole store. */
        COUNTED,
        /** Nothing kept: the next reader counts. */
        NONE
    }

    /**
     * Keeps the counts of the store as a writer left it, so that the first {@code kg stats} after a change need not
     * count the store (seconds for a year, more for a decade): the counts kept for the state {@code before} (noted
     * before the writer's first write) moved by its {@code change}; counted when the store was empty before and the
     * change could not be followed (a first build, which takes the bulk path). Otherwise nothing is kept and the next
     * reader counts. Call outside any transaction, after the writer's last commit.
     */
    public static Kept update(GraphStore store, Optional<String> before, StatsChange change) {
        DatasetGraph dsg = store.datasetGraph();
        return Txn.calculateRead(dsg, () -> {
            Optional<String> now = CommittedState.seenBy(dsg).map(CommittedState::key);
            if (now.isEmpty()) return Kept.NONE;
            Path file = store.dir().resolve(StatsFile.NAME);
            if (StatsFile.read(file, now.get()).isPresent()) return Kept.CURRENT;
            Optional<Stats> was = change.startedEmpty() ? Optional.of(EMPTY)
                    : before.flatMap(key -> StatsFile.read(file, key));
            if (was.isPresent() && change.complete()) {
                List<DayCount> days = PapersPerCategory.afterChange(dsg, was.get().perCategoryPerDay(), change.graphs());
                StatsFile.write(file, now.get(), change.moved(was.get(), days));
                return Kept.MOVED;
            }
            if (change.startedEmpty()) {
                StatsFile.write(file, now.get(), count(dsg));
                return Kept.COUNTED;
            }
            return Kept.NONE;
        });
    }

    private static final Stats EMPTY = new Stats(0, 0, 0, 0, 0, 0, 0, 0, List.of());

    /**
     * The counts kept beside the closed store in {@code storeDir}, when they are for its current state, found without
     * opening it ({@link StoredDigests#committedKey}); empty otherwise, and then {@link #of} counts.
     */
    public static Optional<Stats> kept(Path storeDir) {
        return StoredDigests.committedKey(storeDir).flatMap(key -> StatsFile.read(storeDir.resolve(StatsFile.NAME), key));
    }

    /** How many papers and digests the store holds: what a server says when it starts, without counting the rest. */
    public static Headline headline(GraphStore store) {
        DatasetGraph dsg = store.datasetGraph();
        return Txn.calculateRead(dsg, () -> JenaInternals.attempt(Concern.COUNTS, () -> IndexCounts.of(dsg)
                        .map(c -> new Headline(c.subjects(RDF.Nodes.type, DKG.Paper), c.subjects(RDF.Nodes.type, DKG.Digest))))
                .orElseGet(() -> {
                    Binding counts = one(dsg, """
                            PREFIX dkg: <https://w3id.org/digest-kg/ontology#>
                            SELECT ?papers ?digests {
                              { SELECT (COUNT(DISTINCT ?p) AS ?papers) { ?p a dkg:Paper } }
                              { SELECT (COUNT(DISTINCT ?d) AS ?digests) { ?d a dkg:Digest } }
                            }""");
                    return new Headline(number(counts, "papers"), number(counts, "digests"));
                }));
    }

    /** The store's size in two numbers. */
    public record Headline(long papers, long digests) {
    }

    private static Stats count(DatasetGraph dsg) {
        List<DayCount> days = PapersPerCategory.count(dsg);
        return JenaInternals.attempt(Concern.COUNTS, () -> IndexCounts.of(dsg).map(c -> fromIndexes(c, days)))
                .orElseGet(() -> bySparql(dsg, days));
    }

    /** The counts {@code stats.rq} defines, read from the indexes: the same numbers in a fraction of the time. */
    private static Stats fromIndexes(IndexCounts c, List<DayCount> days) {
        IndexCounts.Sizes sizes = c.sizes();
        return new Stats(c.subjects(RDF.Nodes.type, DKG.Paper), c.objects(DCTerms.creator.asNode()),
                c.objects(DKG.authorship, DKG.Paper), c.subjects(RDF.Nodes.type, SKOS.Concept.asNode()),
                c.subjects(RDF.Nodes.type, DKG.Digest), c.subjects(RDF.Nodes.type, DKG.Appearance),
                sizes.unionTriples(), sizes.quads(), days);
    }

    private static Stats bySparql(DatasetGraph dsg, List<DayCount> days) {
        Binding counts = one(dsg, NamedQueries.load("stats"));
        long quads = 0;
        var it = dsg.find();
        while (it.hasNext()) {
            it.next();
            quads++;
        }
        return new Stats(number(counts, "papers"), number(counts, "authors"), number(counts, "authorships"),
                number(counts, "categories"), number(counts, "digests"), number(counts, "appearances"),
                dsg.getUnionGraph().size(), quads, days);
    }

    private static Binding one(DatasetGraph dsg, String query) {
        try (QueryExec qe = QueryExec.dataset(dsg).query(QueryFactory.create(query)).build()) {
            RowSet rows = qe.select();
            return rows.next();
        }
    }

    private static long number(Binding b, String var) {
        var n = b.get(var);
        return n == null ? 0 : Long.parseLong(n.getLiteralLexicalForm());
    }
}
