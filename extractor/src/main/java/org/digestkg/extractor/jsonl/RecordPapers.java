package org.digestkg.extractor.jsonl;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import org.digestkg.extractor.model.ArxivId;
import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Note;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Placeholders;

/**
 * A JSONL record as a {@link Paper}, for a day the generator wrote only as JSONL: the same paper the markdown would
 * have listed. Its link is the record's abstract page ({@code abs}), else an arXiv id's page or a DOI's; its main
 * category the first of its categories, under which it is listed; failure placeholders are absent and listed as
 * failed; the {@code AI} keys no field is read from are notes under their key.
 */
public final class RecordPapers {

    private RecordPapers() {
    }

    /**
     * The paper a record describes, or empty when it names no paper (no title, no authors, no link).
     *
     * @param rank     its place in the file, 1-based
     * @param problems receives what was odd about it: a line number and a message
     */
    public static Optional<Paper> paper(GeneratorRecord r, int rank, BiConsumer<Integer, String> problems) {
        String link = link(r);
        if (r.title() == null || r.title().isBlank()) {
            problems.accept(r.line(), "record has no title; left out");
            return Optional.empty();
        }
        if (link == null) {
            problems.accept(r.line(), "record has no id or link to identify the paper by; left out");
            return Optional.empty();
        }
        List<String> authors = r.authors().stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        if (authors.isEmpty()) {
            problems.accept(r.line(), "record names no author; left out");
            return Optional.empty();
        }
        ArxivId id = ArxivId.fromUrl(link).or(() -> r.id() == null ? Optional.empty() : ArxivId.parse(r.id())).orElse(null);
        Map<Field, String> fields = new LinkedHashMap<>();
        Set<Field> failed = EnumSet.noneOf(Field.class);
        for (Field f : Field.values()) {
            String text = GeneratorKeys.text(r, f);
            if (text == null || text.isBlank()) {
                continue;
            }
            if (Placeholders.isFailure(text)) {
                failed.add(f);
                problems.accept(r.line(), f.name().toLowerCase(java.util.Locale.ROOT) + " is '" + text.strip()
                        + "' (failed summary); recorded as absent");
            } else {
                fields.put(f, text.strip());
            }
        }
        List<Note> notes = new ArrayList<>();
        r.ai().forEach((key, value) -> {
            if (!GeneratorKeys.FIELD_KEYS.contains(key) && !key.startsWith("_") && value != null && !value.isBlank()
                    && !Placeholders.isFailure(value)) {
                notes.add(new Note(key, value.strip()));
            }
        });
        String main = r.categories().isEmpty() ? null : r.categories().get(0);
        return Optional.of(new Paper(r.line(), rank, main, link, id, r.title().strip(), authors, main, fields, notes,
                failed, r.categories(), r.codeLinks(), List.of()));
    }

    /** The record's link: {@code abs}, else the page of its arXiv id or DOI, else {@code pdf}. */
    static String link(GeneratorRecord r) {
        if (r.abs() != null && !r.abs().isBlank()) {
            return r.abs().strip();
        }
        if (r.id() != null && !r.id().isBlank()) {
            Optional<ArxivId> id = ArxivId.parse(r.id());
            if (id.isPresent()) {
                return id.get().absUrl();
            }
            if (r.id().strip().startsWith("10.")) {
                return "https://doi.org/" + r.id().strip();
            }
        }
        return r.pdf() == null || r.pdf().isBlank() ? null : r.pdf().strip();
    }
}
