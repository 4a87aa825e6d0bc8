package org.digestkg.storage;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.digestkg.extractor.model.AuthorName;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Problem;
import org.digestkg.extractor.model.Template;
import org.digestkg.extractor.parse.DigestException;

/** What loading one digest met on the way: counts and problems, turned into its {@link LoadResult}. */
final class DigestRecord {
    LocalDate day;
    /** Something was written to the store: a failure now needs the transaction aborted. */
    boolean wrote;
    long papers;
    long triples;
    long failedFields;
    Template template;
    final Set<String> authors = new HashSet<>();
    final List<Problem> warnings = new ArrayList<>();
    final List<Problem> rejected = new ArrayList<>();

    void paper(Paper paper) {
        papers++;
        failedFields += paper.failed().size();
        paper.identities().forEach(a -> authors.add(AuthorName.key(a)));
    }

    void warning(Problem problem) {
        warnings.add(problem);
    }

    void rejected(Problem problem) {
        rejected.add(problem);
    }

    /** In strict mode a digest with any warning is refused whole. */
    void checkStrict(boolean strict, String source) {
        if (strict && (!warnings.isEmpty() || !rejected.isEmpty())) {
            throw new DigestException(source + ": refused in strict mode: " + (warnings.size() + rejected.size()) + " warning(s)");
        }
    }

    LoadResult loaded(String source, Duration time) {
        return new LoadResult(source, day, LoadResult.Status.LOADED, papers, authors.size(), triples, failedFields,
                warnings, rejected, time, null, template);
    }
}
