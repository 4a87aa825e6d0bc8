package org.digestkg.storage;

import java.time.Duration;
import java.util.List;

import org.digestkg.extractor.model.Problem;

/**
 * What importing one RDF file did.
 *
 * @param source   the file as the user named it
 * @param status   {@link LoadResult.Status#LOADED}, or {@link LoadResult.Status#FAILED} (nothing written)
 * @param quads    quads written into the store
 * @param graphs   the IRIs of the graphs the file replaced, in the order first met
 * @param warnings what the RDF parser warned about, located at the file's lines
 * @param error    why the import failed, or null
 */
public record ImportResult(String source, LoadResult.Status status, long quads, List<String> graphs,
                           List<Problem> warnings, Duration time, String error) {

    public ImportResult {
        graphs = List.copyOf(graphs);
        warnings = List.copyOf(warnings);
    }

    static ImportResult failed(String source, List<Problem> warnings, Duration time, String error) {
        return new ImportResult(source, LoadResult.Status.FAILED, 0, List.of(), warnings, time, error);
    }

    public boolean clean() {
        return status != LoadResult.Status.FAILED;
    }
}
