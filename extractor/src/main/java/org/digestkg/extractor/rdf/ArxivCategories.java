package org.digestkg.extractor.rdf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Human labels of arXiv category codes, for {@code skos:prefLabel}. The table ({@code arxiv-categories.tsv} beside
 * this class) holds the whole arXiv taxonomy, archive-level codes and retired archives included. A code not in it
 * has no label: the mapper then writes the concept with its notation only, rather than invent a name.
 */
public final class ArxivCategories {

    private static final String TABLE = "arxiv-categories.tsv";

    private ArxivCategories() {
    }

    /** The English label of {@code code} ({@code cs.CV} gives "Computer Vision and Pattern Recognition"). */
    public static Optional<String> label(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(Table.LABELS.get(code.strip()));
    }

    /** Every code the table knows. */
    public static Set<String> codes() {
        return Table.LABELS.keySet();
    }

    // loaded on first use, once, by the class loader's lazy holder idiom
    private static final class Table {
        static final Map<String, String> LABELS = load();

        private static Map<String, String> load() {
            Map<String, String> labels = new HashMap<>();
            try (InputStream in = ArxivCategories.class.getResourceAsStream(TABLE)) {
                if (in == null) throw new IllegalStateException("missing resource " + TABLE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#")) continue;
                    int tab = line.indexOf('\t');
                    if (tab < 0) throw new IllegalStateException(TABLE + ": no tab in line: " + line);
                    labels.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Collections.unmodifiableMap(labels);
        }
    }
}
