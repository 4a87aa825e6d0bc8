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
 *                   "AI comments:", another "Abstract:") do. Bold and heading-style labels always do, and so does
 *                   every field of a template inferred from the digest's own entries.
 */
record Label(String name, Target target, Field field, Extent extent, boolean interrupts) {

    enum Target {
        /** The main category; a value listing several categories gives its first, and all of them as categories. */
        MAIN_CATEGORY,
        /** Every category of the paper ({@code cs.CL, cs.AI}); the first is the main one when none is named. */
        CATEGORIES,
        /** The author list, for forks that label it ({@code **Authors:** A, B}) instead of {@code *A,B*}. */
        AUTHORS,
        /** The paper's own title, for an entry whose heading is not the title link. */
        TITLE,
        /** The paper's link, for an entry whose heading has none ({@code - **arXiv**: [2606.04608](…)}). */
        LINK,
        /** Links to the paper's code. */
        CODE,
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
        return of("Main category", Target.MAIN_CATEGORY);
    }

    /** A label of a target without a field: its value is one line. */
    static Label of(String name, Target target) {
        return new Label(name, target, null, Extent.LINE, false);
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

    /** The same label under the name it was printed with. */
    Label named(String printed) {
        return new Label(printed, target, field, extent, interrupts);
    }
}
