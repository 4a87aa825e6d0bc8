package org.digestkg.storage.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * Evaluates a parsed query ({@link TextQueryParser.Mode#PAPERS}) per paper rather than per literal: each clause is
 * searched over all of a paper's texts, and the query's {@code AND}/{@code OR}/{@code NOT} combine papers. A paper's
 * score for a clause is the best score among its literals; clauses add up, like Lucene's own boolean scoring, so a
 * paper matching more of the query ranks higher, and a word in a title (boost 4) outweighs the same word in an
 * abstract. Papers are {@link PaperNumbers numbered}, so the results of a clause are arrays, not maps.
 */
final class PaperMatcher {

    /**
     * The papers that matched, by {@link PaperNumbers number}: for each, its score and the literal (a Lucene
     * document) that matched best, with that literal's own score.
     */
    static final class Matches {
        final FixedBitSet papers;
        final float[] score;
        final int[] bestDoc;
        final float[] bestDocScore;

        Matches(int count) {
            papers = new FixedBitSet(Math.max(1, count));
            score = new float[count];
            bestDoc = new int[count];
            bestDocScore = new float[count];
        }

        /** Adds {@code other}'s match of {@code paper} to this one's; the better literal stays the best. */
        void plus(int paper, Matches other) {
            score[paper] += other.score[paper];
            if (other.bestDocScore[paper] > bestDocScore[paper]) {
                bestDoc[paper] = other.bestDoc[paper];
                bestDocScore[paper] = other.bestDocScore[paper];
            }
        }

        /** Takes {@code other}'s match of {@code paper} as this one's. */
        void set(int paper, Matches other) {
            papers.set(paper);
            score[paper] = other.score[paper];
            bestDoc[paper] = other.bestDoc[paper];
            bestDocScore[paper] = other.bestDocScore[paper];
        }

        /** The numbers of the papers that matched, in order. */
        DocIdSetIterator iterator() {
            return new BitSetIterator(papers, 0);
        }
    }

    private final IndexSearcher searcher;
    private final PaperNumbers numbers;
    private final boolean scored;

    /** @param scored whether matches are scored (for ranking); counting needs only which papers matched */
    PaperMatcher(IndexSearcher searcher, boolean scored) throws IOException {
        this.searcher = searcher;
        this.numbers = PaperNumbers.of(searcher.getIndexReader());
        this.scored = scored;
    }

    /** The numbering the matches are in. */
    PaperNumbers numbers() {
        return numbers;
    }

    /** Papers that match {@code query}. */
    Matches match(Query query) throws IOException {
        if (query instanceof TextQueryParser.Clause c) return clause(c.query);
        if (query instanceof BoostQuery b) {
            Matches inner = match(b.getQuery());
            float boost = b.getBoost();
            forEach(inner, p -> {
                inner.score[p] *= boost;
                inner.bestDocScore[p] *= boost;
            });
            return inner;
        }
        if (query instanceof MatchNoDocsQuery) return new Matches(numbers.count());
        if (query instanceof BooleanQuery bq) return bool(bq);
        return clause(query);
    }

    private Matches bool(BooleanQuery bq) throws IOException {
        List<Matches> required = new ArrayList<>();
        List<Matches> optional = new ArrayList<>();
        List<Matches> excluded = new ArrayList<>();
        for (BooleanClause c : bq.clauses()) {
            Matches m = match(c.getQuery());
            switch (c.getOccur()) {
                case MUST, FILTER -> required.add(m);
                case SHOULD -> optional.add(m);
                case MUST_NOT -> excluded.add(m);
            }
        }
        Matches result;
        if (!required.isEmpty()) {
            result = required.get(0);
            for (Matches r : required.subList(1, required.size())) {
                result.papers.and(r.papers);
                forEach(result, p -> result.plus(p, r));
            }
            for (Matches o : optional) {
                forEach(result, p -> {
                    if (o.papers.get(p)) result.plus(p, o);
                });
            }
        } else {
            int atLeast = Math.max(1, bq.getMinimumNumberShouldMatch());
            int[] hits = new int[numbers.count()];
            result = new Matches(numbers.count());
            for (Matches o : optional) {
                Matches all = result;
                forEach(o, p -> {
                    if (all.papers.get(p)) {
                        all.plus(p, o);
                    } else {
                        all.set(p, o);
                    }
                    hits[p]++;
                });
            }
            Matches all = result;
            forEach(result, p -> {
                if (hits[p] < atLeast) all.papers.clear(p);
            });
        }
        for (Matches x : excluded) result.papers.andNot(x.papers);
        return result;
    }

    private interface PaperAction {
        void apply(int paper);
    }

    private static void forEach(Matches m, PaperAction action) throws IOException {
        DocIdSetIterator it = m.iterator();
        for (int p = it.nextDoc(); p != DocIdSetIterator.NO_MORE_DOCS; p = it.nextDoc()) action.apply(p);
    }

    /** One clause over all literals, grouped by paper: the best literal of each paper counts. */
    private Matches clause(Query query) throws IOException {
        Matches matches = new Matches(numbers.count());
        searcher.search(query, new SimpleCollector() {
            private Scorable scorer;
            private int docBase;
            private int leafOrd;
            private SortedDocValues paperOf;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                docBase = context.docBase;
                leafOrd = context.ord;
                paperOf = context.reader().getSortedDocValues(PaperTextIndex.PAPER);
            }

            @Override
            public void setScorer(Scorable scorer) {
                this.scorer = scorer;
            }

            @Override
            public void collect(int doc) throws IOException {
                if (paperOf == null || !paperOf.advanceExact(doc)) return; // a literal about no paper
                int paper = numbers.number(leafOrd, paperOf.ordValue());
                float score = scored ? scorer.score() : 0;
                // segments and their documents come in order: the first of equal literals stays the best
                if (!matches.papers.getAndSet(paper) || score > matches.bestDocScore[paper]) {
                    matches.score[paper] = score;
                    matches.bestDocScore[paper] = score;
                    matches.bestDoc[paper] = docBase + doc;
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return scored ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return matches;
    }
}
