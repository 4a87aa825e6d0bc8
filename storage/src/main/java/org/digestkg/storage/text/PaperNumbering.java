package org.digestkg.storage.text;

/**
 * The papers of one state of the text index, numbered 0..{@link #count()} in IRI order. The same instance stands for
 * the same state: a caller may keep what it derived from one by its identity.
 */
public interface PaperNumbering {

    /** How many papers the index has texts of. */
    int count();

    /** The IRI of paper {@code number}. */
    String iri(int number);
}
