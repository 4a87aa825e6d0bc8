package org.digestkg.extractor.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of a digest, as printed. Every text is verbatim from the source (no markdown rendering);
 * multi-line values keep their line breaks as {@code \n}.
 *
 * @param line          1-based line of the entry's heading in the source file
 * @param rank          the number in {@code ### [N]}, or 0 when the entry has none
 * @param section       the category heading the entry was listed under ({@code cs.CV}), or null
 * @param link          the URL of the title link, as printed
 * @param arxivId       the arXiv id of that link, or null when the link is not arXiv
 * @param title         the title as printed (LaTeX and brackets kept)
 * @param authors       author names as printed, in order (may keep {@code _} or a trailing {@code *})
 * @param mainCategory  the main category code ({@code cs.CL}), or null when the entry has none
 * @param fields        the text fields present, in source order; failed ones ("Error") are absent
 * @param notes         other labelled fields, in source order
 * @param failed        fields the digest printed as "Error" or "N/A" (the generator's LLM call failed)
 * @param categories    every category the paper is listed in, the primary first (cross-lists after it); empty when
 *                      the source names none beyond the main category
 * @param codeLinks     links to the paper's code
 * @param identities    for each author, the name that identifies the person: the printed name, or the name an alias
 *                      file gives it ({@link AuthorAliases}); same size as {@code authors}
 */
public record Paper(int line, int rank, String section, String link, ArxivId arxivId, String title,
                    List<String> authors, String mainCategory, Map<Field, String> fields, List<Note> notes,
                    Set<Field> failed, List<String> categories, List<String> codeLinks, List<String> identities) {

    public Paper {
        authors = List.copyOf(authors);
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        notes = List.copyOf(notes);
        failed = failed.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(failed));
        categories = List.copyOf(categories);
        codeLinks = List.copyOf(codeLinks);
        identities = identities == null || identities.isEmpty() ? authors : List.copyOf(identities);
        if (identities.size() != authors.size()) {
            throw new IllegalArgumentException("one identity per author: " + identities + " for " + authors);
        }
    }

    /** A paper as printed in a digest, with no failed fields, categories, code links or aliases. */
    public Paper(int line, int rank, String section, String link, ArxivId arxivId, String title,
                 List<String> authors, String mainCategory, Map<Field, String> fields, List<Note> notes) {
        this(line, rank, section, link, arxivId, title, authors, mainCategory, fields, notes, Set.of());
    }

    /** A paper as printed in a digest, with no categories, code links or aliases. */
    public Paper(int line, int rank, String section, String link, ArxivId arxivId, String title,
                 List<String> authors, String mainCategory, Map<Field, String> fields, List<Note> notes,
                 Set<Field> failed) {
        this(line, rank, section, link, arxivId, title, authors, mainCategory, fields, notes, failed, List.of(),
                List.of(), List.of());
    }

    public String field(Field f) {
        return fields.get(f);
    }

    /** The same paper listed in {@code categories} (the primary first), with {@code codeLinks}. */
    public Paper withCategories(List<String> categories, List<String> codeLinks) {
        return new Paper(line, rank, section, link, arxivId, title, authors, mainCategory, fields, notes, failed,
                categories, codeLinks, identities);
    }

    /** The same paper with {@code value} as its {@code field}, unless the paper shows that field already. */
    public Paper withFieldIfAbsent(Field field, String value) {
        if (value == null || fields.containsKey(field)) {
            return this;
        }
        Map<Field, String> more = new LinkedHashMap<>(fields);
        more.put(field, value);
        return new Paper(line, rank, section, link, arxivId, title, authors, mainCategory, more, notes, failed,
                categories, codeLinks, identities);
    }

    /** The same paper with {@code code} as its main category. */
    public Paper withMainCategory(String code) {
        return new Paper(line, rank, section, link, arxivId, title, authors, code, fields, notes, failed, categories,
                codeLinks, identities);
    }

    /** The same paper, its authors identified by {@code identities}. */
    public Paper withIdentities(List<String> identities) {
        return new Paper(line, rank, section, link, arxivId, title, authors, mainCategory, fields, notes, failed,
                categories, codeLinks, new ArrayList<>(identities));
    }
}
