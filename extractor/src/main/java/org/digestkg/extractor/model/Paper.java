package org.digestkg.extractor.model;

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
 */
public record Paper(int line, int rank, String section, String link, ArxivId arxivId, String title,
                    List<String> authors, String mainCategory, Map<Field, String> fields, List<Note> notes,
                    Set<Field> failed) {

    public Paper {
        authors = List.copyOf(authors);
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        notes = List.copyOf(notes);
        failed = failed.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(failed));
    }

    /** A paper with no failed fields. */
    public Paper(int line, int rank, String section, String link, ArxivId arxivId, String title,
                 List<String> authors, String mainCategory, Map<Field, String> fields, List<Note> notes) {
        this(line, rank, section, link, arxivId, title, authors, mainCategory, fields, notes, Set.of());
    }

    public String field(Field f) {
        return fields.get(f);
    }
}
