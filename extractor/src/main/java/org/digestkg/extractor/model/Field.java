package org.digestkg.extractor.model;

/**
 * The text fields a digest entry can carry besides title, authors and category.
 * The five summary fields are written by the generator's LLM; the abstract is arXiv's own.
 */
public enum Field {
    TLDR,
    MOTIVATION,
    METHOD,
    RESULT,
    CONCLUSION,
    ABSTRACT,
    /** arXiv's comment, e.g. "Accepted at ACL 2026". */
    COMMENT,
    KEYWORDS,
    /** The title translated by the generator (a fork feature), not the arXiv title. */
    TRANSLATED_TITLE,
    ABSTRACT_TRANSLATION;

    public boolean isSummary() {
        return ordinal() <= CONCLUSION.ordinal();
    }
}
