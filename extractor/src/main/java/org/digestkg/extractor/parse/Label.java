package org.digestkg.extractor.parse;

import java.util.Objects;

import org.digestkg.extractor.model.Field;

/**
 * What a labelled line of an entry introduces, and how far its value runs.
 *
 * @param name       the canonical name, used for notes and messages when no printed form is at hand
 * @param target     where the value goes in a {@link org.digestkg.extractor.model.Paper}
 * @param field      the field for {@link Target#FIELD}, else null
 * @param extent     how many lines belong to the value
 * @param interrupts whether the label, printed plainly, ends a running {@link Extent#UNTIL_STRUCTURE} value (an
 *                   abstract). Labels that also head the paragraphs of structured abstracts ("Result:",
 *                   "Background:") do not; labels no arXiv abstract starts a line with ("中文摘要：",
 *                   "AI comments:", another "Abstract:") do. Bold and heading-style labels always do.
 */
record Label(String name, Target target, Field field, Extent extent, boolean interrupts) {

    enum Target {
        /** The main category; a value listing several categories gives its first, and the list is kept as a note. */
        MAIN_CATEGORY,
        /** The author list, for forks that label it ({@code **Authors:** A, B}) instead of {@code *A,B*}. */
        AUTHORS,
        FIELD,
        NOTE
    }

    enum Extent {
        /** Only the rest of the label's own line (a category code never continues). */
        LINE,
        /** Up to the next label line, a structure line or the end of the entry. */
        UNTIL_NEXT_LABEL,
        /**
         * Up to a structure line ({@code </details>}), an interrupting label or the end of the entry: arXiv
         * abstracts themselves contain lines such as "Results: ...", which must not cut the abstract short.
         */
        UNTIL_STRUCTURE
    }

    Label {
        Objects.requireNonNull(name);
        Objects.requireNonNull(target);
        Objects.requireNonNull(extent);
        if ((target == Target.FIELD) != (field != null)) {
            throw new IllegalArgumentException("a field is required exactly for FIELD labels: " + name);
        }
    }

    static Label mainCategory() {
        return mainCategory("Main category");
    }

    static Label mainCategory(String name) {
        return new Label(name, Target.MAIN_CATEGORY, null, Extent.LINE, false);
    }

    static Label authors() {
        return new Label("Authors", Target.AUTHORS, null, Extent.LINE, false);
    }

    static Label field(String name, Field field, Extent extent) {
        return new Label(name, Target.FIELD, field, extent, extent == Extent.UNTIL_STRUCTURE);
    }

    static Label note(String name, Extent extent) {
        return new Label(name, Target.NOTE, null, extent, false);
    }

    /** The same label, ending a running abstract even when printed plainly. */
    Label interrupting() {
        return new Label(name, target, field, extent, true);
    }
}
