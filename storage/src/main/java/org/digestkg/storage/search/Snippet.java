package org.digestkg.storage.search;

import java.util.List;

/**
 * A piece of the text that matched, with the matches located in it.
 *
 * @param field      the text it is from: {@code title}, {@code abstract}, {@code tldr}, ... ({@code IndexedText})
 * @param label      how a person calls that text: "title", "TL;DR", ...
 * @param lang       the text's language tag, or null
 * @param text       the piece, whitespace folded; "…" where it was cut
 * @param highlights where the matches are in {@code text}
 */
public record Snippet(String field, String label, String lang, String text, List<Span> highlights) {

    /** Characters {@code start} (inclusive) to {@code end} (exclusive) of the snippet's text. */
    public record Span(int start, int end) {
    }

    /** The text with each match between {@code open} and {@code close}: {@code marked("«", "»")}. */
    public String marked(String open, String close) {
        StringBuilder b = new StringBuilder(text);
        for (int i = highlights.size() - 1; i >= 0; i--) {
            Span s = highlights.get(i);
            b.insert(s.end(), close).insert(s.start(), open);
        }
        return b.toString();
    }
}
