package org.digestkg.extractor.parse;

import org.digestkg.extractor.model.Digest;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Problem;
import org.digestkg.extractor.model.Template;

/** A sink between a reader and another sink: passes every event on; a subclass changes the ones it needs. */
abstract class ForwardingSink implements DigestSink {

    final DigestSink next;

    ForwardingSink(DigestSink next) {
        this.next = next;
    }

    @Override
    public void start(Digest digest) {
        next.start(digest);
    }

    @Override
    public void template(Template template) {
        next.template(template);
    }

    @Override
    public void claimedCount(String code, int count) {
        next.claimedCount(code, count);
    }

    @Override
    public void paper(Paper paper) {
        next.paper(paper);
    }

    @Override
    public void warning(Problem problem) {
        next.warning(problem);
    }

    @Override
    public void rejected(Problem problem) {
        next.rejected(problem);
    }

    @Override
    public void finish() {
        next.finish();
    }
}
