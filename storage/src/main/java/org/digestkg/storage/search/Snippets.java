package org.digestkg.storage.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.digestkg.storage.text.Analyzers;
import org.digestkg.storage.text.IndexedText;

/**
 * Cuts the part of a text around its matches, with Lucene's highlighter: the text is analysed again with its field's
 * analyser, so the matches marked are the ones the index found (stems, character pairs), not a string search.
 */
final class Snippets {

    /** About this many characters around the matches. */
    static final int LENGTH = 160;

    // marks no digest text holds, taken out again once the highlighter has placed them
    private static final String OPEN = "\u0001";
    private static final String CLOSE = "\u0002";
    private static final String CUT = "…";

    private Snippets() {
    }

    /**
     * @param query the search as a Lucene query over literals
     * @param field the index field the text is in ({@code tldr_zh})
     */
    static Snippet cut(Query query, String field, IndexedText text, String lang, String value) {
        String flat = value.replace(OPEN, "").replace(CLOSE, "").replaceAll("\\s+", " ").strip();
        String marked = null;
        try {
            QueryScorer scorer = new QueryScorer(query, field);
            Highlighter h = new Highlighter(new SimpleHTMLFormatter(OPEN, CLOSE), scorer);
            h.setTextFragmenter(new SimpleSpanFragmenter(scorer, LENGTH));
            h.setMaxDocCharsToAnalyze(Math.max(flat.length(), Highlighter.DEFAULT_MAX_CHARS_TO_ANALYZE));
            marked = h.getBestFragment(Analyzers.forField(field), field, flat);
        } catch (IOException | InvalidTokenOffsetsException e) {
            // no marks then: the text is still worth showing
        }
        if (marked == null) marked = flat.length() <= LENGTH ? flat : flat.substring(0, LENGTH);
        StringBuilder plain = new StringBuilder();
        List<Snippet.Span> spans = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == OPEN.charAt(0)) {
                start = plain.length();
            } else if (c == CLOSE.charAt(0)) {
                if (start >= 0) spans.add(new Snippet.Span(start, plain.length()));
                start = -1;
            } else {
                plain.append(c);
            }
        }
        String piece = plain.toString().strip();
        int lead = plain.indexOf(piece);
        int at = flat.indexOf(piece);
        boolean cutBefore = at > 0;
        boolean cutAfter = at >= 0 && at + piece.length() < flat.length();
        int shift = (cutBefore ? CUT.length() : 0) - lead;
        List<Snippet.Span> shifted = new ArrayList<>();
        for (Snippet.Span s : spans) shifted.add(new Snippet.Span(s.start() + shift, s.end() + shift));
        String shown = (cutBefore ? CUT : "") + piece + (cutAfter ? CUT : "");
        return new Snippet(text.field, text.label, lang, shown, shifted);
    }
}
