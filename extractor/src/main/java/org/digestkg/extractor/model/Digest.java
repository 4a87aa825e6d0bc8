package org.digestkg.extractor.model;

import java.time.LocalDate;

/**
 * A digest file: one day of papers.
 *
 * @param date    the day, from the file name {@code YYYY-MM-DD.md} or given by the user
 * @param source  the file as the user named it (for provenance and messages)
 * @param sha256  hex SHA-256 of the file's bytes, so an unchanged digest can be recognised on reload
 */
public record Digest(LocalDate date, String source, String sha256) {
}
