package org.digestkg.extractor.model;

import java.util.List;

/**
 * The template a digest was read with, as {@code kg inspect} shows it: which labels are its fields and what each
 * maps to. A digest is generated from one template, so its entries repeat the same labels; the reader infers the
 * template from them ({@link Kind#INFERRED}). A digest with too few entries to infer from is read with the label
 * table alone ({@link Kind#TABLE}).
 *
 * @param kind         how the template was found
 * @param entries      the entries it was inferred from
 * @param fields       the fields, in the order they appear in an entry
 * @param unrecognised label-like lines that did not recur, so were read as text of the field they sit in, the most
 *                     frequent first (at most {@value #MAX_LISTED})
 * @param strayLines   lines outside every field and not recurring: left out of the graph (each entry warns)
 */
public record Template(Kind kind, int entries, List<Slot> fields, List<Slot> unrecognised, int strayLines) {

    /** How many non-recurring labels a template lists. */
    public static final int MAX_LISTED = 20;

    public enum Kind {
        /** From recurrence across the digest's own entries. */
        INFERRED,
        /** From the label table alone: the digest has too few entries to infer from. */
        TABLE,
        /** The generator's JSONL, read by its keys: a day with no markdown. */
        JSONL
    }

    /**
     * One field of the template, or one label-like line that is not a field.
     *
     * @param label   the label as printed (its first printing), or a description of an unlabelled slot
     * @param mapsTo  what its value becomes: a property name from the synonym table ({@code tldr}, {@code abstract},
     *                {@code main category}, …), {@code note}, {@code heading} (a heading over other fields, no text
     *                of its own) or {@code text} (not a field: read as text of the field it sits in)
     * @param entries in how many entries it occurs
     * @param line    the first line it occurs on
     */
    public record Slot(String label, String mapsTo, int entries, int line) {
    }

    public Template {
        fields = List.copyOf(fields);
        unrecognised = List.copyOf(unrecognised);
    }

    public boolean inferred() {
        return kind == Kind.INFERRED;
    }
}
