package org.digestkg.extractor.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.digestkg.extractor.jsonl.GeneratorKeys;
import org.digestkg.extractor.jsonl.GeneratorRecord;
import org.digestkg.extractor.jsonl.RecordPapers;
import org.digestkg.extractor.model.Digest;
import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Problem;
import org.digestkg.extractor.model.Template;

/**
 * A day the generator wrote only as JSONL, read as that day's digest: the second reader behind the
 * {@link DigestSink}, giving the same events and papers the markdown would have. Each record is a paper
 * ({@link RecordPapers}) listed under its primary category; a record that names no paper is rejected, a second
 * record of one paper too.
 */
final class JsonlDigest {

    private JsonlDigest() {
    }

    static void read(Digest digest, List<GeneratorRecord> records, List<Problem> lineProblems, DigestSink sink) {
        String file = digest.source();
        sink.start(digest);
        sink.template(template(records));
        lineProblems.forEach(sink::warning);
        Set<String> seen = new HashSet<>();
        int rank = 0;
        for (GeneratorRecord r : records) {
            rank++;
            List<Problem> problems = new ArrayList<>();
            var paper = RecordPapers.paper(r, rank, (line, message) -> problems.add(new Problem(file, line, message)));
            if (paper.isEmpty()) {
                problems.forEach(sink::rejected);
                continue;
            }
            Paper p = paper.get();
            String key = p.arxivId() != null ? p.arxivId().id() : p.link();
            if (!seen.add(key)) {
                sink.rejected(new Problem(file, r.line(), "a second record of " + key + "; the first counts"));
                continue;
            }
            sink.paper(p);
            problems.forEach(sink::warning);
        }
        if (records.isEmpty()) {
            sink.warning(new Problem(file, 0, "no records found (not the generator's JSONL?)"));
        }
        sink.finish();
    }

    /** What a JSONL day is read with: the generator's keys, each with the records holding it. */
    static Template template(List<GeneratorRecord> records) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> mapsTo = new LinkedHashMap<>();
        for (GeneratorRecord r : records) {
            count(counts, mapsTo, "title", "title", r.line(), r.title() != null);
            count(counts, mapsTo, "authors", "authors", r.line(), !r.authors().isEmpty());
            count(counts, mapsTo, "categories", "categories", r.line(), !r.categories().isEmpty());
            count(counts, mapsTo, "summary", "abstract", r.line(), r.summary() != null);
            count(counts, mapsTo, "comment", "comment", r.line(), r.comment() != null);
            count(counts, mapsTo, "code_url", "code", r.line(), !r.codeLinks().isEmpty());
            for (String key : r.ai().keySet()) {
                String field = null;
                for (Map.Entry<Field, List<String>> e : GeneratorKeys.AI_KEYS.entrySet()) {
                    if (e.getValue().contains(key)) {
                        field = DigestTemplate.name(e.getKey());
                    }
                }
                count(counts, mapsTo, "AI." + key, field != null ? field : key.startsWith("_") ? "ignored" : "note",
                        r.line(), true);
            }
        }
        List<Template.Slot> slots = new ArrayList<>();
        counts.forEach((key, n) -> slots.add(new Template.Slot(key, mapsTo.get(key), n[0], n[1])));
        return new Template(Template.Kind.JSONL, records.size(), slots, List.of(), 0);
    }

    private static void count(Map<String, int[]> counts, Map<String, String> mapsTo, String key, String target,
                              int line, boolean present) {
        if (present) {
            counts.computeIfAbsent(key, k -> new int[] {0, line})[0]++;
            mapsTo.putIfAbsent(key, target);
        }
    }
}
