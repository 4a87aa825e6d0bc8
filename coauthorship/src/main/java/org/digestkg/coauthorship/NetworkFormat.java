package org.digestkg.coauthorship;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats the network exports to. */
public enum NetworkFormat {
    /** GraphML: Gephi, Cytoscape, yEd. */
    GRAPHML("graphml"),
    /** GEXF 1.2: Gephi's own format. */
    GEXF("gexf"),
    /** Graphviz. */
    DOT("dot"),
    /** One edge list with a header, {@code source,target,papers,weight}: Cytoscape's table import, spreadsheets. */
    CSV("csv");

    private final String extension;

    NetworkFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format a file name's extension calls for, if it is one of ours ({@code .gv} counts as DOT). */
    public static Optional<NetworkFormat> ofFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gv")) {
            return Optional.of(DOT);
        }
        for (NetworkFormat f : values()) {
            if (name.endsWith("." + f.extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
