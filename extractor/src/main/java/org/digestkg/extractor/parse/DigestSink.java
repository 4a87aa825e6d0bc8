package org.digestkg.extractor.parse;

import org.digestkg.extractor.model.Digest;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Problem;
import org.digestkg.extractor.model.Template;

/**
 * Receives what a {@link DigestParser} reads, as it reads it, like Jena's {@code StreamRDF}: the parser never
 * builds the whole digest in memory. Events come in order: {@code start}, {@code template}, then any mix of the others,
 * then {@code finish}.
 */
public interface DigestSink {

    default void start(Digest digest) {
    }

    /**
     * The template the digest is read with, inferred from its entries (or the label table, for a digest too small
     * to infer from): sent once, after {@code start} and before any entry.
     */
    default void template(Template template) {
    }

    /** The table of contents claims {@code count} papers in category {@code code}. */
    default void claimedCount(String code, int count) {
    }

    void paper(Paper paper);

    /** Something odd that did not stop an entry from loading (e.g. a claimed count that differs). */
    default void warning(Problem problem) {
    }

    /** An entry that could not be read and was left out; the rest of the digest goes on. */
    default void rejected(Problem problem) {
    }

    default void finish() {
    }
}
