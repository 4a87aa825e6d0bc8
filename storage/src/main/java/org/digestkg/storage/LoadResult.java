package org.digestkg.storage;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.digestkg.extractor.model.Problem;
import org.digestkg.extractor.model.Template;

/**
 * What loading one digest did.
 *
 * @param source   the file as the user named it
 * @param date     the digest's day, or null when it could not be known
 * @param status   loaded, unchanged (same bytes as the stored version), or failed (nothing written)
 * @param papers   papers loaded
 * @param authors  distinct authors in this digest
 * @param triples  triples in the digest's graph after loading
 * @param failedFields summary fields that said only "Error"/"N/A" and were recorded as absent
 * @param template the template the digest was read with (null when it was not read)
 */
public record LoadResult(String source, LocalDate date, Status status, long papers, long authors, long triples,
                         long failedFields, List<Problem> warnings, List<Problem> rejected, Duration time, String error,
                         Template template) {

    public enum Status { LOADED, UNCHANGED, FAILED }

    public LoadResult {
        warnings = List.copyOf(warnings);
        rejected = List.copyOf(rejected);
    }

    /** A result without the template it was read with. */
    public LoadResult(String source, LocalDate date, Status status, long papers, long authors, long triples,
                      long failedFields, List<Problem> warnings, List<Problem> rejected, Duration time, String error) {
        this(source, date, status, papers, authors, triples, failedFields, warnings, rejected, time, error, null);
    }

    static LoadResult failed(String source, LocalDate date, String error, Duration time) {
        return new LoadResult(source, date, Status.FAILED, 0, 0, 0, 0, List.of(), List.of(), time, error);
    }

    /** Nothing failed and no entry was rejected (warnings may remain). */
    public boolean clean() {
        return status != Status.FAILED && rejected.isEmpty();
    }
}
