package org.digestkg.storage.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexException;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextIndexParseException;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.Quad;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.digestkg.extractor.rdf.Iris;

/**
 * Jena's Lucene text index, laid out for digest-kg. Jena's {@code text:query} reads it as any text index; the
 * {@link org.digestkg.storage.search search service} reads it per paper.
 *
 * <p><b>Documents.</b> As in jena-text, one Lucene document per indexed literal (a quad whose predicate is one of
 * {@link IndexedText}): the subject ({@code uri}), the graph ({@code graph}), the language tag ({@code lang}) and a
 * hash of the quad ({@code uid}, by which Jena deletes it). Unlike Jena's multilingual layout, the text is
 * analysed once: in the field of its language ({@code tldr_zh}) when Lucene has an analyser for the language, else in
 * the plain field ({@code title}) with {@link Analyzers#fallback()}. Two doc-value columns serve the search: the
 * paper the literal belongs to ({@link Iris#paperOf}), and the field the text is in. Texts are not stored: snippets
 * are cut from the store's own literal.
 *
 * <p><b>{@code text:query}.</b> With a {@code "lang:xx"} argument or highlighting, Jena's own query runs. Without,
 * the query is read by {@link TextQueryParser}: the words are looked for in every language field of the texts asked
 * for (all texts when no property is given), so {@code ?s text:query "扩散模型"} finds Chinese summaries and
 * {@code "diffusion"} English abstracts and titles alike.
 *
 * <p><b>Commits.</b> Jena registers the index with TDB2's transaction coordinator, which prepares it before TDB2's
 * commit point and commits it after. A process killed between the two leaves TDB2 committed and the index not; so,
 * before preparing, the index writes the graphs the transaction touched to {@value #PENDING}, and deletes that file
 * once its own commit is done. A store opened with the file present reindexes those graphs
 * ({@link TextIndexedStore}).
 */
public final class PaperTextIndex extends TextIndexLucene {

    static final String ENTITY = "uri";
    static final String GRAPH = "graph";
    static final String LANG = "lang";
    static final String UID = "uid";
    /** Doc values: the IRI of the paper the literal is about. */
    static final String PAPER = "paper";
    /** Doc values: the field the literal's text is indexed in ({@code tldr_zh}). */
    static final String FIELD = "field";

    /** Commit data naming this layout: an index written otherwise is rebuilt from the store. */
    static final String LAYOUT_KEY = "digestkg.textLayout";
    static final String LAYOUT = "1";
    /** Graphs whose changes were being committed; present only between prepare and commit. */
    static final String PENDING = "pending-graphs";
    /** In {@link #PENDING}: every graph (a rebuild was being committed). */
    static final String ALL_GRAPHS = "*";

    /** Hits of a bare {@code text:query} without a limit, as Jena's own default. */
    private static final int DEFAULT_LIMIT = 10_000;

    private final Path dir;
    private final Set<String> pendingGraphs = ConcurrentHashMap.newKeySet();
    private final SearcherManager searchers;

    private PaperTextIndex(Path dir, FSDirectory directory) throws IOException {
        super(directory, config());
        this.dir = dir;
        stampLayout();
        this.searchers = new SearcherManager(directory, null);
    }

    /** Opens (creating if needed) the index in {@code dir}. */
    static PaperTextIndex open(Path dir) {
        try {
            Files.createDirectories(dir);
            return new PaperTextIndex(dir, FSDirectory.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the text index in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static TextIndexConfig config() {
        Analyzers.register();
        EntityDefinition def = new EntityDefinition(ENTITY, IndexedText.TITLE.field, GRAPH);
        for (IndexedText t : IndexedText.values()) def.set(t.field, t.predicate);
        def.setLangField(LANG);
        def.setUidField(UID);
        TextIndexConfig config = new TextIndexConfig(def);
        config.setAnalyzer(Analyzers.fallback());
        config.setMultilingualSupport(true);
        config.setValueStored(false);
        return config;
    }

    Path dir() {
        return dir;
    }

    /** The field a literal in {@code lang} is indexed in. */
    public static String languageField(String field, String lang) {
        return Analyzers.hasOwnField(lang) ? field + "_" + lang : field;
    }

    @Override
    protected Document doc(Entity entity) {
        Map.Entry<String, Object> text = entity.getMap().entrySet().iterator().next(); // one literal per entity
        String field = text.getKey();
        String value = (String) text.getValue();
        String lang = entity.getLanguage();
        String target = languageField(field, lang);
        Document doc = new Document();
        doc.add(new Field(ENTITY, entity.getId(), ftIRI));
        String graph = entity.getGraph() == null ? Quad.defaultGraphIRI.getURI() : entity.getGraph();
        doc.add(new Field(GRAPH, graph, ftIRI));
        doc.add(new Field(target, value, TextField.TYPE_NOT_STORED));
        doc.add(new SortedDocValuesField(FIELD, new BytesRef(target)));
        if (lang != null && !lang.isEmpty()) doc.add(new StringField(LANG, lang, Field.Store.YES));
        // the same hash Jena's deleteEntity computes for the quad
        doc.add(new StringField(UID, entity.getChecksum(field, value), Field.Store.NO));
        Node paper = Iris.paperOf(TextQueryFuncs.stringToNode(entity.getId()));
        if (paper != null) doc.add(new SortedDocValuesField(PAPER, new BytesRef(paper.getURI())));
        return doc;
    }

    @Override
    public void addEntity(Entity entity) {
        pendingGraphs.add(entity.getGraph() == null ? Quad.defaultGraphIRI.getURI() : entity.getGraph());
        super.addEntity(entity);
    }

    @Override
    public void deleteEntity(Entity entity) {
        pendingGraphs.add(entity.getGraph() == null ? Quad.defaultGraphIRI.getURI() : entity.getGraph());
        super.deleteEntity(entity);
    }

    /** Drops every literal of {@code graph}, to index it again from the store. */
    void deleteGraph(String graph) {
        pendingGraphs.add(graph);
        try {
            getIndexWriter().deleteDocuments(new Term(GRAPH, graph));
        } catch (IOException e) {
            throw new TextIndexException("deleteGraph", e);
        }
    }

    /** Drops every literal, to index the whole store again. */
    void deleteAll() {
        pendingGraphs.add(ALL_GRAPHS);
        try {
            getIndexWriter().deleteAll();
        } catch (IOException e) {
            throw new TextIndexException("deleteAll", e);
        }
    }

    @Override
    public void prepareCommit() {
        if (!pendingGraphs.isEmpty()) writePending(new TreeSet<>(pendingGraphs));
        super.prepareCommit();
    }

    /**
     * Fault injection for the crash tests: with {@code -D}{@value #HALT_BEFORE_COMMIT}{@code =N} the process stops
     * dead (as {@code kill -9} would) at the N-th commit that carries changes, after TDB2's commit point and before
     * the index's — the window the pending-graphs file is for.
     */
    static final String HALT_BEFORE_COMMIT = "digestkg.faults.haltBeforeTextCommit";
    private static final int HALT_AT = Integer.getInteger(HALT_BEFORE_COMMIT, 0);
    private static final java.util.concurrent.atomic.AtomicInteger COMMITS = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void commit() {
        if (HALT_AT > 0 && !pendingGraphs.isEmpty() && COMMITS.incrementAndGet() == HALT_AT) {
            Runtime.getRuntime().halt(137);
        }
        super.commit();
        if (!pendingGraphs.isEmpty()) {
            pendingGraphs.clear();
            clearPending();
        }
        try {
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new TextIndexException("refresh", e);
        }
    }

    @Override
    public void rollback() {
        super.rollback(); // Jena reopens the writer
        pendingGraphs.clear();
        stampLayout();
    }

    /**
     * Closes without committing: whatever is not committed by now belongs to no committed transaction of the store
     * (Jena's own close would commit it).
     */
    @Override
    public void close() {
        try {
            searchers.close();
            getIndexWriter().rollback();
        } catch (IOException e) {
            throw new TextIndexException("close", e);
        }
    }

    private void stampLayout() {
        getIndexWriter().setLiveCommitData(Map.of(LAYOUT_KEY, LAYOUT).entrySet());
    }

    /** The layout the index's last commit was written in; null for an index written before layouts were named. */
    String committedLayout() {
        try (DirectoryReader reader = DirectoryReader.open(getDirectory())) {
            return reader.getIndexCommit().getUserData().get(LAYOUT_KEY);
        } catch (IOException e) {
            throw new TextIndexException("committedLayout", e);
        }
    }

    /** Whether the index has ever been committed with a layout (an index Jena created empty has not). */
    boolean isStamped() {
        return LAYOUT.equals(committedLayout());
    }

    // ---- the pending-graphs file

    private void writePending(Set<String> graphs) {
        Path file = dir.resolve(PENDING);
        try {
            Files.writeString(file, String.join("\n", graphs) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new TextIndexException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void clearPending() {
        try {
            Files.deleteIfExists(dir.resolve(PENDING));
        } catch (IOException e) {
            throw new TextIndexException("cannot delete " + dir.resolve(PENDING) + ": " + e.getMessage(), e);
        }
    }

    /** The graphs a commit interrupted by the end of the process was writing; empty when none was. */
    List<String> interruptedGraphs() {
        Path file = dir.resolve(PENDING);
        if (!Files.exists(file)) return List.of();
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- reading

    /** Runs {@code search} on the latest committed state of the index. */
    <T> T withSearcher(SearchFunction<T> search) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return search.apply(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("text index: " + e.getMessage(), e);
        }
    }

    /** A search over one state of the index. */
    @FunctionalInterface
    interface SearchFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** The text fields the index holds ({@code title}, {@code abstract_en}, {@code tldr_zh}, ...). */
    static List<String> textFields(IndexReader reader) {
        List<String> fields = new ArrayList<>();
        for (FieldInfo f : FieldInfos.getMergedFieldInfos(reader)) {
            String base = f.name.contains("_") ? f.name.substring(0, f.name.indexOf('_')) : f.name;
            if (IndexedText.ofField(base).isPresent()) fields.add(f.name);
        }
        return fields;
    }

    /** A parser for queries over {@code reader}'s fields. */
    static TextQueryParser parser(IndexReader reader, List<IndexedText> texts, TextQueryParser.Mode mode) {
        return new TextQueryParser(textFields(reader), texts, mode);
    }

    /** The doc values of {@code column} in the segment of {@code doc}, positioned on it; null when it has none. */
    static String docValue(IndexReader reader, int doc, String column) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedDocValues values = leaf.reader().getSortedDocValues(column);
        if (values == null || !values.advanceExact(doc - leaf.docBase)) return null;
        return values.lookupOrd(values.ordValue()).utf8ToString();
    }

    // ---- per paper, for the search service

    /** The literal a paper matched best: where it is, and which text of which language. */
    public record Literal(Node subject, Node graph, IndexedText text, String lang) {

        /** The index field its text is in ({@code tldr_zh}). */
        public String field() {
            return languageField(text.field, lang);
        }
    }

    /** A paper that matched, and its best literal. */
    public record PaperHit(String paper, float score, Literal best) {
    }

    /**
     * A page of papers matching a search, best first.
     *
     * @param total     papers matching (and kept), over all pages
     * @param hits      the page
     * @param literals  the search as a query over literals, for highlighting a hit's text
     */
    public record PaperPage(long total, List<PaperHit> hits, Query literals) {
    }

    /**
     * Papers matching {@code query} (Lucene syntax, words AND-ed, each clause over all of a paper's texts; see
     * {@link PaperMatcher}), those {@code keep} accepts, ranked by score, then by IRI; the page from {@code offset}.
     *
     * @throws BadQueryException when the query cannot be read
     */
    public PaperPage searchPapers(String query, java.util.function.Predicate<String> keep, int offset, int limit) {
        return withSearcher(searcher -> {
            Query parsed = parsePapers(searcher.getIndexReader(), query);
            Map<String, PaperMatcher.Match> matches = new PaperMatcher(searcher).match(parsed);
            List<Map.Entry<String, PaperMatcher.Match>> ranked = new ArrayList<>();
            for (Map.Entry<String, PaperMatcher.Match> e : matches.entrySet()) {
                if (keep.test(e.getKey())) ranked.add(e);
            }
            ranked.sort(java.util.Comparator.<Map.Entry<String, PaperMatcher.Match>>comparingDouble(e -> -e.getValue().score())
                    .thenComparing(Map.Entry::getKey));
            List<PaperHit> page = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (int i = Math.max(0, offset); i < ranked.size() && page.size() < limit; i++) {
                Map.Entry<String, PaperMatcher.Match> e = ranked.get(i);
                page.add(new PaperHit(e.getKey(), e.getValue().score(), literal(searcher, stored, e.getValue().bestDoc())));
            }
            return new PaperPage(ranked.size(), page, TextQueryParser.literals(parsed));
        });
    }

    /** Papers matching {@code query} with their scores, unranked: for counting. */
    public Map<String, Float> matchingPapers(String query) {
        return withSearcher(searcher -> {
            Map<String, Float> scores = new java.util.HashMap<>();
            new PaperMatcher(searcher).match(parsePapers(searcher.getIndexReader(), query))
                    .forEach((paper, m) -> scores.put(paper, m.score()));
            return scores;
        });
    }

    private static Query parsePapers(IndexReader reader, String query) {
        try {
            return parser(reader, Arrays.asList(IndexedText.values()), TextQueryParser.Mode.PAPERS).parseText(query);
        } catch (ParseException | RuntimeException e) {
            // Lucene also throws IllegalArgumentException (a too-complex wildcard) and its own TooManyClauses
            if (e instanceof RuntimeException r && !(r instanceof IllegalArgumentException)
                    && !(r instanceof IndexSearcher.TooManyClauses)) throw r;
            throw new BadQueryException(query, e.getMessage());
        }
    }

    private static Literal literal(IndexSearcher searcher, StoredFields stored, int doc) throws IOException {
        Document d = stored.document(doc, Set.of(ENTITY, GRAPH, LANG));
        String field = docValue(searcher.getIndexReader(), doc, FIELD);
        String base = field == null ? null : field.contains("_") ? field.substring(0, field.indexOf('_')) : field;
        IndexedText text = base == null ? null : IndexedText.ofField(base).orElse(null);
        return new Literal(TextQueryFuncs.stringToNode(d.get(ENTITY)), TextQueryFuncs.stringToNode(d.get(GRAPH)), text,
                d.get(LANG));
    }

    @Override
    public List<TextHit> query(String subjectUri, List<Resource> props, String qs, String graphURI, String lang,
            int limit, String highlight) {
        if (lang != null || highlight != null) {
            return super.query(subjectUri, props, qs, graphURI, lang, limit, highlight);
        }
        List<IndexedText> texts = props.isEmpty() ? Arrays.asList(IndexedText.values())
                : props.stream().map(p -> IndexedText.ofPredicate(p.asNode()).orElseThrow()).toList();
        return withSearcher(searcher -> {
            Query q;
            try {
                q = parser(searcher.getIndexReader(), texts, TextQueryParser.Mode.LITERALS).parseText(qs);
            } catch (ParseException e) {
                throw new TextIndexParseException(qs, e.getMessage());
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST);
            if (subjectUri != null) b.add(new TermQuery(new Term(ENTITY, subjectUri)), BooleanClause.Occur.FILTER);
            if (graphURI != null) b.add(new TermQuery(new Term(GRAPH, graphURI)), BooleanClause.Occur.FILTER);
            IndexReader reader = searcher.getIndexReader();
            StoredFields stored = searcher.storedFields();
            List<TextHit> hits = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(b.build(), limit > 0 ? limit : DEFAULT_LIMIT).scoreDocs) {
                Document d = stored.document(sd.doc, Set.of(ENTITY, GRAPH));
                String field = docValue(reader, sd.doc, FIELD);
                Node prop = field == null ? null
                        : IndexedText.ofField(field.contains("_") ? field.substring(0, field.indexOf('_')) : field)
                                .map(t -> t.predicate).orElse(null);
                hits.add(new TextHit(TextQueryFuncs.stringToNode(d.get(ENTITY)), sd.score, null,
                        TextQueryFuncs.stringToNode(d.get(GRAPH)), prop));
            }
            return hits;
        });
    }
}
