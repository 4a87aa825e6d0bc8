package org.digestkg.cli;

import java.nio.file.Path;

import org.digestkg.storage.GraphStore;

import picocli.CommandLine.Option;

/** The {@code --store} option every command that touches the store shares. */
public final class StoreOption {

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "store",
            description = "TDB2 store folder (default: ${DEFAULT-VALUE})")
    Path dir;

    public Path dir() {
        return dir;
    }

    /** Opens the store for reading; an absent store is an error rather than a new empty one. */
    public GraphStore openExisting() {
        if (!java.nio.file.Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no store at " + dir + "; build one first with: kg build data/");
        }
        return GraphStore.open(dir);
    }

    public GraphStore openOrCreate() {
        return GraphStore.open(dir);
    }
}
