package org.digestkg.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.digestkg.coauthorship.StoredNetwork;
import org.digestkg.storage.Compaction;
import org.digestkg.storage.GraphStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Writes the store's data afresh, without the copies earlier writes left",
                "behind. TDB2 copies every index block a write touches, so each digest added,",
                "replaced or removed grows the store (about 60 MB for a day added to a year's",
                "store) until it is compacted. The data, the search index and what is kept",
                "beside the store (the co-author network, the counts) stay as they were. The",
                "store must not be in use: stop kg serve first (kg serve --watch compacts its",
                "store by itself once the data has doubled; one started with --update can",
                "compact through /$/compact/kg)."},
        footer = {"", "Example:", "  kg compact --store ~/digests/store"})
final class CompactCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        try (GraphStore s = store.openExistingWithoutSearch()) {
            Compaction.Result r = StoredNetwork.compact(s);
            String sizes = r.bytesBefore().isPresent() && r.bytesAfter().isPresent()
                    ? ": its data " + megabytes(r.bytesBefore().get()) + " -> " + megabytes(r.bytesAfter().get()) : "";
            spec.commandLine().getOut().printf(Locale.ROOT, "Compacted %s in %.1f s%s%n", store.dir(),
                    (System.nanoTime() - t0) / 1e9, sizes);
        }
        return ExitCode.OK;
    }

    /**
     * After a write: says on {@code err} when the store's data has grown to {@link Compaction#WORTH_AT} times its size
     * just after its last compaction (each day added to a year's store leaves about 60 MB behind).
     */
    static void suggestIfGrown(GraphStore store, PrintWriter err) {
        Compaction.growth(store).filter(g -> g.atLeast(Compaction.WORTH_AT)).ifPresent(g -> err.printf(Locale.ROOT,
                "The store's data has grown from %s to %s since it was last compacted: `kg compact --store %s` "
                        + "gives back the copies TDB2 keeps.%n", megabytes(g.compacted()), megabytes(g.bytes()),
                store.dir()));
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1e6);
    }
}
