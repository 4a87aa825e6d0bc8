package org.digestkg.extractor.model;

/**
 * A field the reader has no proper property for (e.g. "AI comments", "Relevance"), kept so nothing is lost: its
 * label as printed (null for text a template prints without a label) and its text verbatim.
 */
public record Note(String label, String text) {
}
