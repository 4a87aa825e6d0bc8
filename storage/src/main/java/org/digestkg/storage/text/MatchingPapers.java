package org.digestkg.storage.text;

/**
 * The papers a search matched, for counting: their numbers, ascending, in the numbering of the index's state it
 * ran in ({@link #numbering}). A caller can keep what it knows of each paper in arrays by that numbering, and read it
 * for thousands of matches without a look-up by IRI each.
 */
public record MatchingPapers(PaperNumbering numbering, int[] numbers) {
}
