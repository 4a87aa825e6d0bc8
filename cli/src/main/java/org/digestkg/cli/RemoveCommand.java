package org.digestkg.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.digestkg.coauthorship.StoredNetwork;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.Stats;
import org.digestkg.storage.StatsChange;
import org.digestkg.storage.StoredDigests;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Removes digests (by day) from the store. Papers they were the latest listing of",
                "fall back to their previous listing."},
        footer = {"", "Example:", "  kg remove 2026-02-23"})
final class RemoveCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DAY", arity = "1..*", description = "Digest days, YYYY-MM-DD.")
    List<LocalDate> days;

    @Override
    public Integer call() {
        int missing = 0;
        try (GraphStore s = store.openExisting()) {
            DigestLoader loader = new DigestLoader(s);
            StatsChange change = loader.followChanges();
            Optional<String> before = StoredNetwork.stateKey(s);
            Set<LocalDate> removed = new TreeSet<>();
            for (LocalDate day : days) {
                if (loader.remove(day)) {
                    removed.add(day);
                    spec.commandLine().getOut().println("removed digest " + day);
                } else {
                    spec.commandLine().getErr().println("no digest of " + day + " in " + store.dir());
                    missing++;
                }
            }
            if (!removed.isEmpty()) {
                StoredNetwork.update(s, before, removed);
                Stats.update(s, before, change);
                CompactCommand.suggestIfGrown(s, spec.commandLine().getErr());
            }
            StoredDigests.keep(s); // so that the next reader need not open the store
        }
        return missing == 0 ? 0 : 1;
    }
}
