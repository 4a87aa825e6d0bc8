package org.digestkg.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.digestkg.extractor.rdf.DKG;
import org.digestkg.extractor.rdf.RDF;
import org.digestkg.storage.tdb.CommittedState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counts kept beside a store are carried over a compaction, which changes the state they are kept for, and only
 * when no other writer committed after they were noted: a server allowing SPARQL updates may take one right then.
 */
class CompactionTest {

    @TempDir
    Path tmp;

    @Test
    void theCountsAreCarriedOverUnlessAnotherWriterCommittedMeanwhile() throws Exception {
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            DatasetGraph dsg = store.datasetGraph();
            new DigestLoader(store).load(Samples.feb04(), null);
            Stats counted = Stats.of(store);   // counts and keeps them for this state

            Compaction.compact(store, key(dsg), commits(dsg));
            assertEquals(Optional.of(counted), kept(store), "carried over to the compacted state");

            // another writer's paper, committed after the compaction's caller noted the state
            Optional<String> before = key(dsg);
            OptionalLong commitsBefore = commits(dsg);
            Node paper = NodeFactory.createURI(DKG.BASE + "paper/2601.99999");
            Txn.executeWrite(dsg, () -> dsg.add(NodeFactory.createURI("urn:test:other"), paper, RDF.type, DKG.Paper));
            Compaction.compact(store, before, commitsBefore);
            assertEquals(Optional.empty(), kept(store), "the counts noted before that commit are not carried over");
            assertEquals(counted.papers() + 1, Stats.of(store).papers(), "and the next reader counts the paper");
        }
    }

    private static Optional<String> key(DatasetGraph dsg) {
        return CommittedState.seenBy(dsg).map(CommittedState::key);
    }

    private static OptionalLong commits(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> CommittedState.commitsBefore(dsg));
    }

    /** The counts kept for the store's state now, if any. */
    private static Optional<Stats> kept(GraphStore store) {
        String key = CommittedState.seenBy(store.datasetGraph()).orElseThrow().key();
        Path file = store.dir().resolve(StatsFile.NAME);
        return Files.exists(file) ? StatsFile.read(file, key) : Optional.empty();
    }
}
