package org.digestkg.extractor.model;

import java.text.Normalizer;

/**
 * The identity of an author is their normalised name: two printings that normalise alike are one person
 * (so homonyms merge; a digest gives nothing better to tell them apart).
 */
public final class AuthorName {

    private AuthorName() {
    }

    /**
     * Unicode NFC; {@code _} read as a space (arXiv listings sometimes glue names with it); footnote markers
     * ({@code *}, {@code †}, {@code ‡}) at the end dropped; whitespace folded to single spaces and trimmed.
     */
    public static String normalise(String printed) {
        String s = Normalizer.normalize(printed, Normalizer.Form.NFC).replace('_', ' ');
        s = s.replaceAll("[\\s\\u00A0\\u3000]+", " ").strip();
        s = s.replaceAll("[\\s*†‡]+$", "");
        return s.isEmpty() ? printed.strip() : s;
    }
}
