package org.digestkg.extractor.model;

/** A labelled field the reader has no proper property for (e.g. "AI comments"), kept so nothing is lost. */
public record Note(String label, String text) {
}
