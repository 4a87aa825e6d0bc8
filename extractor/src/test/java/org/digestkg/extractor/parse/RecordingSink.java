package org.digestkg.extractor.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.digestkg.extractor.model.ArxivId;
import org.digestkg.extractor.model.Digest;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Problem;
import org.digestkg.extractor.model.Template;

/** Keeps every event a parser sends, in order, like Jena's CatchParserOutput. */
final class RecordingSink implements DigestSink {

    final List<String> events = new ArrayList<>();
    final Map<String, Integer> claims = new LinkedHashMap<>();
    final List<Paper> papers = new ArrayList<>();
    final List<Problem> warnings = new ArrayList<>();
    final List<Problem> rejected = new ArrayList<>();
    final List<Template> templates = new ArrayList<>();
    Digest digest;
    int starts;
    int finishes;

    @Override
    public void start(Digest digest) {
        this.digest = digest;
        starts++;
        events.add("start");
    }

    @Override
    public void template(Template template) {
        templates.add(template);
        events.add("template");
    }

    @Override
    public void claimedCount(String code, int count) {
        claims.put(code, count);
        events.add("claimedCount " + code + " " + count);
    }

    @Override
    public void paper(Paper paper) {
        papers.add(paper);
        events.add("paper " + paper.line());
    }

    @Override
    public void warning(Problem problem) {
        warnings.add(problem);
        events.add("warning " + problem);
    }

    @Override
    public void rejected(Problem problem) {
        rejected.add(problem);
        events.add("rejected " + problem);
    }

    @Override
    public void finish() {
        finishes++;
        events.add("finish");
    }

    Paper paper(String arxivId) {
        ArxivId id = ArxivId.parse(arxivId).orElseThrow();
        return papers.stream().filter(p -> id.id().equals(p.arxivId() == null ? null : p.arxivId().id()))
                .findFirst().orElseThrow(() -> new AssertionError("no paper " + arxivId));
    }

    Paper paperAtRank(int rank) {
        return papers.stream().filter(p -> p.rank() == rank).findFirst()
                .orElseThrow(() -> new AssertionError("no paper ranked " + rank));
    }

    Optional<Problem> warningAt(int line) {
        return warnings.stream().filter(w -> w.line() == line).findFirst();
    }
}
