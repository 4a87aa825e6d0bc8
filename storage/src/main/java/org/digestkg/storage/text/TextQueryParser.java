package org.digestkg.storage.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.apache.jena.query.text.analyzer.MultilingualAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's classic query syntax ({@code "a phrase"}, {@code AND}/{@code OR}/{@code NOT}, {@code prefix*},
 * {@code title:word}) over the index's fields, whatever language a text was indexed in.
 *
 * <p>Each literal is indexed once, in the field of its language ({@code text_zh}, {@code text_en}, or plain
 * {@code text} for untagged text and languages without an analyser of their own; see {@link Analyzers}), with its
 * kind ({@code title}, {@code tldr}). A clause of the query names a kind ({@code title:…}) or none (then every
 * {@link IndexedText}); it becomes a search of each language field the index holds, each analysed with that
 * language's analyser, the best of them counting, times the kind's {@link IndexedText#boost}. So "diffusion" is stemmed against English abstracts
 * and matched against English words in Chinese summaries, and "扩散模型" is cut into character pairs against
 * Chinese ones.
 *
 * <p>A run of Chinese is one phrase: its characters must be adjacent, as the user typed them (without it, Lucene
 * would OR the pairs and "扩散模型" would find every "模型"). With {@link Mode#PAPERS} each clause comes back
 * wrapped in a {@link Clause}, so a caller can evaluate the query's boolean structure per paper instead of per
 * literal ({@code transformer AND segmentation} finds a paper with one word in its title and the other in its
 * abstract).
 */
final class TextQueryParser extends QueryParser {

    /** What a clause that names no field searches. */
    private static final String ALL_TEXTS = "\u0000all";

    /** How the parsed clauses are meant to be used. */
    enum Mode {
        /** One Lucene query over literals, for {@code text:query}: words OR-ed, as Jena's own parser does. */
        LITERALS,
        /** Clauses to combine per paper: words AND-ed, as in a web search. */
        PAPERS
    }

    private final Collection<String> indexedFields;
    private final List<IndexedText> texts;
    private final Mode mode;

    /**
     * @param indexedFields the fields the index holds ({@code FieldInfos} of its reader): language fields that do not
     *                      occur are not searched
     * @param texts         what a clause without a field searches
     */
    TextQueryParser(Collection<String> indexedFields, List<IndexedText> texts, Mode mode) {
        super(ALL_TEXTS, new MultilingualAnalyzer(Analyzers.fallback()));
        this.indexedFields = indexedFields;
        this.texts = texts;
        this.mode = mode;
        setSplitOnWhitespace(true);
        setAutoGeneratePhraseQueries(true);
        setDefaultOperator(mode == Mode.PAPERS ? AND_OPERATOR : OR_OPERATOR);
    }

    /** Parses {@code text}; a syntax error is a {@link ParseException} with Lucene's message. */
    Query parseText(String text) throws ParseException {
        if (text == null || text.isBlank()) throw new ParseException("the search text is empty");
        Query q = parse(text);
        if (q == null) throw new ParseException("nothing to search for in '" + text + "' (only common words?)");
        return q;
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        return expand(field, f -> newFieldQuery(getAnalyzer(), f, queryText, quoted));
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        return expand(field, f -> withSlop(newFieldQuery(getAnalyzer(), f, queryText, true), slop));
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        return expand(field, f -> super.getPrefixQuery(f, termStr));
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        return expand(field, f -> super.getWildcardQuery(f, termStr));
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        return expand(field, f -> super.getFuzzyQuery(f, termStr, minSimilarity));
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        return expand(field, f -> super.getRegexpQuery(f, termStr));
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
            boolean endInclusive) throws ParseException {
        return expand(field, f -> super.getRangeQuery(f, part1, part2, startInclusive, endInclusive));
    }

    /** A clause for one language field; null when the text analyses to nothing there. */
    private interface PerField {
        Query apply(String field) throws ParseException;
    }

    private Query expand(String field, PerField perField) throws ParseException {
        List<IndexedText> targets = ALL_TEXTS.equals(field) ? texts : List.of(IndexedText.ofField(field)
                .orElseThrow(() -> new ParseException("unknown field '" + field + "': the texts are "
                        + String.join(", ", IndexedText.fieldNames()))));
        List<Query> perLanguage = new ArrayList<>();
        for (String f : indexedFields) {
            Query q = perField.apply(f);
            if (q != null) perLanguage.add(q);
        }
        Query q;
        if (perLanguage.isEmpty()) {
            // a word no text of the index can hold still has to count as "no match", not as "no clause"
            q = new MatchNoDocsQuery();
        } else {
            Query any = perLanguage.size() == 1 ? perLanguage.get(0) : new DisjunctionMaxQuery(perLanguage, 0f);
            q = FunctionScoreQuery.boostByValue(any, KindBoost.INSTANCE);
            if (targets.size() < IndexedText.values().length) {
                q = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST)
                        .add(new TermInSetQuery(PaperTextIndex.KIND, targets.stream().map(t -> new BytesRef(t.field)).toList()),
                                BooleanClause.Occur.FILTER)
                        .build();
            }
        }
        return mode == Mode.PAPERS ? new Clause(q) : q;
    }

    private static Query withSlop(Query q, int slop) {
        if (q instanceof PhraseQuery p) {
            PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(slop);
            Term[] terms = p.getTerms();
            int[] positions = p.getPositions();
            for (int i = 0; i < terms.length; i++) b.add(terms[i], positions[i]);
            return b.build();
        }
        if (q instanceof MultiPhraseQuery m) return new MultiPhraseQuery.Builder(m).setSlop(slop).build();
        return q;
    }

    /** {@code query} with its {@link Clause}s unwrapped: one Lucene query over literals (to highlight a text with). */
    static Query literals(Query query) {
        if (query instanceof Clause c) return literals(c.query);
        if (query instanceof FunctionScoreQuery f) return literals(f.getWrappedQuery());
        if (query instanceof BoostQuery b) return new BoostQuery(literals(b.getQuery()), b.getBoost());
        if (query instanceof BooleanQuery bq) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
            for (BooleanClause c : bq.clauses()) b.add(literals(c.getQuery()), c.getOccur());
            return b.build();
        }
        return query;
    }

    /**
     * One clause of a query ({@code word}, {@code "a phrase"}, {@code title:prefix*}) over all its fields and
     * languages, kept apart so that it can be searched on its own and combined per paper. As a Lucene query it is the
     * clause itself.
     */
    static final class Clause extends Query {
        final Query query;

        Clause(Query query) {
            this.query = query;
        }

        @Override
        public Query rewrite(IndexSearcher searcher) {
            return query;
        }

        @Override
        public void visit(QueryVisitor visitor) {
            query.visit(visitor);
        }

        @Override
        public String toString(String field) {
            return "{" + query.toString(field) + "}";
        }

        @Override
        public boolean equals(Object o) {
            return sameClassAs(o) && query.equals(((Clause) o).query);
        }

        @Override
        public int hashCode() {
            return Objects.hash(classHash(), query);
        }
    }
}
