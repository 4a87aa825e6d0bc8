package org.digestkg.extractor.parse;

import java.util.Comparator;
import java.util.List;

import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Problem;

/** What one entry block gave: a paper with its warnings, or the reason it was rejected. */
record Entry(Paper paper, List<Problem> warnings, Problem rejection) {

    Entry {
        warnings = List.copyOf(warnings);
    }

    /** Warnings are put in line order, as a reader of the file would meet them. */
    static Entry accepted(Paper paper, List<Problem> warnings) {
        return new Entry(paper, warnings.stream().sorted(Comparator.comparingInt(Problem::line)).toList(), null);
    }

    static Entry rejected(Problem why) {
        return new Entry(null, List.of(), why);
    }

    boolean isRejected() {
        return rejection != null;
    }
}
