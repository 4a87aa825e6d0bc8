package org.digestkg.extractor.parse;

import java.util.Objects;

import org.digestkg.extractor.model.Field;

/**
 * What a labelled line of an entry introduces, and how far its value runs.
 *
 * @param name   the canonical name, used for notes and messages when no printed form is at hand
 * @param target where the value goes in a {@link org.digestkg.extractor.model.Paper}
 * @param field  the field for {@link Target#FIELD}, else null
 * @param extent how many lines belong to the value
 */
record Label(String name, Target target, Field field, Extent extent) {

    enum Target { MAIN_CATEGORY, FIELD, NOTE }

    enum Extent {
        /** Only the rest of the label's own line (a category code never continues). */
        LINE,
        /** Up to the next label line, a structure line or the end of the entry. */
        UNTIL_NEXT_LABEL,
        /**
         * Up to a structure line ({@code </details>}) or the end of the entry: arXiv abstracts themselves contain
         * lines such as "Results: ...", which must not cut the abstract short.
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
        return new Label("Main category", Target.MAIN_CATEGORY, null, Extent.LINE);
    }

    static Label field(String name, Field field, Extent extent) {
        return new Label(name, Target.FIELD, field, extent);
    }

    static Label note(String name, Extent extent) {
        return new Label(name, Target.NOTE, null, extent);
    }
}
