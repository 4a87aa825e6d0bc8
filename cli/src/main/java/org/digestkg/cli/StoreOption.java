package org.digestkg.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.digestkg.storage.GraphStore;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --store} option every command that touches the store shares; {@code KG_STORE} sets its default. */
public final class StoreOption {

    /** The environment variable naming the store when {@code --store} does not. */
    public static final String ENV = "KG_STORE";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "${env:" + ENV + ":-store}",
            description = "TDB2 store folder (default: $" + ENV + " if set, else store; now: ${DEFAULT-VALUE})")
    Path dir;

    public Path dir() {
        return dir;
    }

    /** Opens the store for reading; an absent store is a usage error rather than a new empty one. */
    public GraphStore openExisting() {
        requireExisting();
        return GraphStore.open(dir);
    }

    /** Opens the store for a reader that does not search it ({@link GraphStore#openWithoutSearch}). */
    public GraphStore openExistingWithoutSearch() {
        requireExisting();
        return GraphStore.openWithoutSearch(dir);
    }

    private void requireExisting() {
        if (!Files.isDirectory(dir)) {
            boolean fromEnv = System.getenv(ENV) != null && !mixee.commandLine().getParseResult().hasMatchedOption("--store");
            throw ExitCode.usage(mixee, "no store at " + dir + (fromEnv ? " (from $" + ENV + ")" : "")
                    + "; build one first with: kg build data/");
        }
    }

    public GraphStore openOrCreate() {
        return GraphStore.open(dir);
    }
}
