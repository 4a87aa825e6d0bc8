package org.digestkg.storage;

import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Problem;
import org.digestkg.extractor.model.Template;
import org.digestkg.extractor.parse.DigestSink;
import org.digestkg.extractor.rdf.RdfMapper;

/**
 * Passes what the parser reads to the RDF mapper while recording counts and problems. The loaders differ only in
 * where the mapper writes, how a paper's listing is judged, and what happens around it: {@link #start},
 * {@link #beforePaper} and {@link #afterFinish}.
 */
abstract class MappingSink implements DigestSink {

    final DigestRecord record;
    /** Set by {@link #start}, which a subclass implements. */
    RdfMapper mapper;

    MappingSink(DigestRecord record) {
        this.record = record;
    }

    /** Called for each paper before it is mapped. */
    void beforePaper(Paper paper) {
    }

    /** Called once the mapper has written the digest's counts. */
    void afterFinish() {
    }

    @Override
    public final void template(Template template) {
        record.template = template;
    }

    @Override
    public final void claimedCount(String code, int count) {
        mapper.claimedCount(code, count);
    }

    @Override
    public final void paper(Paper paper) {
        record.paper(paper);
        beforePaper(paper);
        mapper.paper(paper);
    }

    @Override
    public final void warning(Problem problem) {
        record.warning(problem);
    }

    @Override
    public final void rejected(Problem problem) {
        record.rejected(problem);
    }

    @Override
    public final void finish() {
        mapper.finish();
        afterFinish();
    }
}
