package org.digestkg.extractor.jsonl;

import java.util.List;
import java.util.Map;

/**
 * One line of the generator's JSONL ({@code data/YYYY-MM-DD_AI_enhanced_<Language>.jsonl}): the paper as the
 * generator fetched it from arXiv, and what its LLM wrote about it. Texts are as in the file; absent keys and JSON
 * {@code null} are null (or empty lists).
 *
 * @param line       1-based line of the record in its file
 * @param id         {@code id}: an arXiv id, or for forks fed from other sources a DOI or another key
 * @param title      {@code title}
 * @param authors    {@code authors}, in order
 * @param categories {@code categories}: every arXiv category, the primary first
 * @param summary    {@code summary}: arXiv's abstract
 * @param comment    {@code comment}: arXiv's comment ("12 pages, accepted at ACL")
 * @param abs        {@code abs}: the abstract page's URL
 * @param pdf        {@code pdf}: the PDF's URL
 * @param codeLinks  {@code code_url} (one or several)
 * @param ai         {@code AI}: each key with its text ({@code tldr}, {@code motivation}, …, and a fork's own keys);
 *                   lists joined with ", ", numbers and booleans as written
 */
public record GeneratorRecord(int line, String id, String title, List<String> authors, List<String> categories,
                              String summary, String comment, String abs, String pdf, List<String> codeLinks,
                              Map<String, String> ai) {

    public GeneratorRecord {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        codeLinks = List.copyOf(codeLinks);
        ai = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ai));
    }

    /** The text of the first of {@code keys} that the record's {@code AI} object holds, or null. */
    public String ai(List<String> keys) {
        for (String k : keys) {
            String v = ai.get(k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
