package org.digestkg.storage.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Evaluates a parsed query ({@link TextQueryParser.Mode#PAPERS}) per paper rather than per literal: each clause is
 * searched over all of a paper's texts, and the query's {@code AND}/{@code OR}/{@code NOT} combine papers. A paper's
 * score for a clause is the best score among its literals; clauses add up, like Lucene's own boolean scoring, so a
 * paper matching more of the query ranks higher, and a word in a title (boost 4) outweighs the same word in an
 * abstract.
 */
final class PaperMatcher {

    /** How one paper matched: its score, and the literal (a Lucene document) that matched best. */
    record Match(float score, int bestDoc, float bestDocScore) {

        Match plus(Match other) {
            boolean mine = bestDocScore >= other.bestDocScore;
            return new Match(score + other.score, mine ? bestDoc : other.bestDoc,
                    mine ? bestDocScore : other.bestDocScore);
        }

        Match times(float boost) {
            return new Match(score * boost, bestDoc, bestDocScore * boost);
        }
    }

    private final IndexSearcher searcher;

    PaperMatcher(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** Papers (by IRI) that match {@code query}. */
    Map<String, Match> match(Query query) throws IOException {
        if (query instanceof TextQueryParser.Clause c) return clause(c.query);
        if (query instanceof BoostQuery b) {
            Map<String, Match> inner = match(b.getQuery());
            inner.replaceAll((paper, m) -> m.times(b.getBoost()));
            return inner;
        }
        if (query instanceof MatchNoDocsQuery) return new HashMap<>();
        if (query instanceof BooleanQuery bq) return bool(bq);
        return clause(query);
    }

    private Map<String, Match> bool(BooleanQuery bq) throws IOException {
        List<Map<String, Match>> required = new ArrayList<>();
        List<Map<String, Match>> optional = new ArrayList<>();
        List<Map<String, Match>> excluded = new ArrayList<>();
        for (BooleanClause c : bq.clauses()) {
            Map<String, Match> m = match(c.getQuery());
            switch (c.getOccur()) {
                case MUST, FILTER -> required.add(m);
                case SHOULD -> optional.add(m);
                case MUST_NOT -> excluded.add(m);
            }
        }
        Map<String, Match> result;
        if (!required.isEmpty()) {
            result = required.get(0);
            for (Map<String, Match> r : required.subList(1, required.size())) {
                result.keySet().retainAll(r.keySet());
                result.replaceAll((paper, m) -> m.plus(r.get(paper)));
            }
            for (Map<String, Match> o : optional) {
                o.forEach((paper, m) -> result.computeIfPresent(paper, (p, mine) -> mine.plus(m)));
            }
        } else {
            int atLeast = Math.max(1, bq.getMinimumNumberShouldMatch());
            Map<String, Integer> hits = new HashMap<>();
            result = new HashMap<>();
            for (Map<String, Match> o : optional) {
                Map<String, Match> all = result;
                o.forEach((paper, m) -> {
                    all.merge(paper, m, Match::plus);
                    hits.merge(paper, 1, Integer::sum);
                });
            }
            result.keySet().removeIf(paper -> hits.get(paper) < atLeast);
        }
        for (Map<String, Match> x : excluded) result.keySet().removeAll(x.keySet());
        return result;
    }

    /** One clause over all literals, grouped by paper: the best literal of each paper counts. */
    private Map<String, Match> clause(Query query) throws IOException {
        Map<String, Match> papers = new HashMap<>();
        searcher.search(query, new SimpleCollector() {
            private Scorable scorer;
            private LeafReaderContext leaf;
            private SortedDocValues paperOf;
            private float[] best = new float[0];
            private int[] bestDoc = new int[0];

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                flush();
                leaf = context;
                paperOf = context.reader().getSortedDocValues(PaperTextIndex.PAPER);
                int n = paperOf == null ? 0 : paperOf.getValueCount();
                best = new float[n];
                bestDoc = new int[n];
                Arrays.fill(bestDoc, -1);
            }

            @Override
            public void setScorer(Scorable scorer) {
                this.scorer = scorer;
            }

            @Override
            public void collect(int doc) throws IOException {
                if (paperOf == null || !paperOf.advanceExact(doc)) return; // a literal about no paper
                int ord = paperOf.ordValue();
                float score = scorer.score();
                if (bestDoc[ord] < 0 || score > best[ord]) {
                    best[ord] = score;
                    bestDoc[ord] = leaf.docBase + doc;
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE;
            }

            /** Per-segment ordinals to papers, merged into the result (a paper's literals may span segments). */
            private void flush() throws IOException {
                for (int ord = 0; ord < bestDoc.length; ord++) {
                    if (bestDoc[ord] < 0) continue;
                    Match m = new Match(best[ord], bestDoc[ord], best[ord]);
                    papers.merge(paperOf.lookupOrd(ord).utf8ToString(), m,
                            (a, b) -> a.bestDocScore >= b.bestDocScore ? a : b);
                }
                bestDoc = new int[0];
            }

            @Override
            public void finish() throws IOException {
                flush();
            }
        });
        return papers;
    }
}
