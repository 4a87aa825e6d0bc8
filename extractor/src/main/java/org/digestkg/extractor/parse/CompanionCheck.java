package org.digestkg.extractor.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.digestkg.extractor.jsonl.GeneratorRecord;
import org.digestkg.extractor.jsonl.JsonlComparison;
import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Placeholders;
import org.digestkg.extractor.model.Problem;

/**
 * Between the markdown reader and the sink, for a digest with its JSONL beside it: checks each paper read from the
 * markdown against its record, field by field (a warning per difference, naming the file, line and field), and
 * adds what the markdown does not show: every arXiv category (the first is the primary), the arXiv comment, code
 * links, and the abstract and main category when the markdown has none. The markdown stays the day's digest: its
 * title, authors and texts are what was shown, and a record no entry lists is not added.
 */
final class CompanionCheck extends ForwardingSink {

    private final String file;
    private final Map<String, GeneratorRecord> records = new HashMap<>();
    private final Map<GeneratorRecord, String> sources = new HashMap<>();

    /**
     * @param records each JSONL file's records, under the file's name as messages name it
     */
    CompanionCheck(DigestSink sink, String file, Map<String, List<GeneratorRecord>> records) {
        super(sink);
        this.file = file;
        records.forEach((name, list) -> list.forEach(r -> {
            sources.put(r, name);
            for (String key : keys(r)) {
                this.records.putIfAbsent(key, r);
            }
        }));
    }

    /** The keys a record is found by: its id, and its links, as arXiv ids where they are. */
    private static List<String> keys(GeneratorRecord r) {
        List<String> keys = new ArrayList<>();
        for (String s : new String[] {r.id(), r.abs(), r.pdf()}) {
            if (s != null && !s.isBlank()) {
                keys.add(key(s));
            }
        }
        return keys;
    }

    private static String key(String idOrLink) {
        return PaperLinks.arxivId(idOrLink).map(a -> "arXiv:" + a.id()).orElse(idOrLink.strip());
    }

    @Override
    public void paper(Paper paper) {
        GeneratorRecord r = records.get(paper.arxivId() != null ? "arXiv:" + paper.arxivId().id() : key(paper.link()));
        if (r == null) {
            next.paper(paper);
            next.warning(new Problem(file, paper.line(), "paper is in no record of " + String.join(", ",
                    new java.util.TreeSet<>(sources.values())) + "; read from the markdown alone"));
            return;
        }
        Paper enriched = enrich(paper, r);
        next.paper(enriched);
        String where = sources.get(r) + ":" + r.line();
        for (JsonlComparison.Difference d : JsonlComparison.differences(paper, r)) {
            next.warning(new Problem(file, paper.line(), d.field() + " differs from " + where + ": markdown '"
                    + Lines.excerpt(d.markdown()) + "', JSONL '" + Lines.excerpt(d.jsonl()) + "'"));
        }
    }

    /** The paper with what only the record holds. */
    static Paper enrich(Paper p, GeneratorRecord r) {
        List<String> categories = p.categories().isEmpty() ? r.categories() : p.categories();
        List<String> code = new ArrayList<>(p.codeLinks());
        r.codeLinks().stream().filter(c -> !c.isBlank() && !code.contains(c.strip())).forEach(c -> code.add(c.strip()));
        Paper e = p.withCategories(categories, code);
        e = e.withFieldIfAbsent(Field.COMMENT, text(r.comment()));
        e = e.withFieldIfAbsent(Field.ABSTRACT, text(r.summary()));
        if (e.mainCategory() == null && !r.categories().isEmpty()) {
            e = e.withMainCategory(r.categories().get(0));
        }
        return e;
    }

    private static String text(String s) {
        return s == null || s.isBlank() || Placeholders.isFailure(s) ? null : s.strip();
    }

}
