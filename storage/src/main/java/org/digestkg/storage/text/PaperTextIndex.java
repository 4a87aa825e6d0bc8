package org.digestkg.storage.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

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
import org.apache.lucene.search.DocIdSetIterator;
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
 * key of the quad ({@code uid}) to delete it by. Unlike Jena's multilingual layout, each text is analysed once, and
 * all texts of a language share one field: {@code text_zh}, {@code text_en} (or {@code text_fr}, ... when Lucene has
 * an analyser for the language), else {@code text} with {@link Analyzers#fallback()}; the predicate is the
 * {@code kind} ({@code title}, {@code tldr}). One field per language, rather than per language and predicate, keeps
 * the terms of a language in one dictionary, which is most of the cost of writing the index (a Chinese bigram
 * vocabulary once, not once per summary field). Doc values serve the search: the paper the literal belongs to
 * ({@link Iris#paperOf}) and the kind. Texts are not stored: snippets are cut from the store's own literal.
 *
 * <p><b>{@code text:query}.</b> Jena's property function calls {@link #query}, which reads the query with
 * {@link TextQueryParser}: the words are looked for in every language field, among the kinds of text asked for (all
 * when no property is given), each kind counting with its {@link IndexedText#boost}; {@code "lang:xx"} keeps texts
 * in that language. So {@code ?s text:query "扩散模型"} finds Chinese summaries and {@code "diffusion"} English
 * abstracts and titles alike. Jena's highlighting option needs stored texts and is not offered (the search service
 * cuts snippets).
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
    /** Indexed and doc values: which text the literal is ({@link IndexedText#field}: {@code title}, {@code tldr}). */
    static final String KIND = "kind";
    /** The text fields: {@value #TEXT} and {@code text_LANG}. */
    static final String TEXT = "text";

    /** Commit data naming this layout: an index written otherwise is rebuilt from the store. */
    static final String LAYOUT_KEY = "digestkg.textLayout";
    static final String LAYOUT = "2";
    /** Graphs whose changes were being committed; present only between prepare and commit. */
    static final String PENDING = "pending-graphs";
    /** In {@link #PENDING}: every graph (a rebuild was being committed). */
    static final String ALL_GRAPHS = "*";

    /** Hits of a bare {@code text:query} without a limit, as Jena's own default. */
    private static final int DEFAULT_LIMIT = 10_000;

    private final Path dir;
    private final Set<String> pendingGraphs = ConcurrentHashMap.newKeySet();
    private final SearcherManager searchers;
    /** Indexing of the current write transaction under way on another thread: its commit waits for it. */
    private volatile Future<?> aside;

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

    /** The field a literal in {@code lang} is indexed in: {@code text_zh}, or {@code text}. */
    public static String languageField(String lang) {
        return Analyzers.hasOwnField(lang) ? TEXT + "_" + lang : TEXT;
    }

    /**
     * The key of one literal, to delete it by: where it is (graph, subject, kind, language) hashed, and its value's
     * hash and length. Jena's own is a SHA-256 over all of it, text included, which cost more than analysing short
     * texts; two literals with one key would have to agree on all of these.
     */
    static String uid(Entity entity) {
        Map.Entry<String, Object> text = entity.getMap().entrySet().iterator().next();
        String value = (String) text.getValue();
        long h = 0xcbf29ce484222325L; // FNV-1a, 64 bits
        for (String part : new String[] {entity.getGraph(), entity.getId(), text.getKey(), entity.getLanguage()}) {
            String p = part == null ? "" : part;
            for (int i = 0; i < p.length(); i++) {
                h = (h ^ p.charAt(i)) * 0x100000001b3L;
            }
            h = (h ^ 0x1f) * 0x100000001b3L;
        }
        return Long.toHexString(h) + "." + Integer.toHexString(value.hashCode()) + "." + value.length();
    }

    @Override
    protected Document doc(Entity entity) {
        Map.Entry<String, Object> text = entity.getMap().entrySet().iterator().next(); // one literal per entity
        String kind = text.getKey();
        String value = (String) text.getValue();
        String lang = entity.getLanguage();
        Document doc = new Document();
        doc.add(new Field(ENTITY, entity.getId(), ftIRI));
        String graph = entity.getGraph() == null ? Quad.defaultGraphIRI.getURI() : entity.getGraph();
        doc.add(new Field(GRAPH, graph, ftIRI));
        doc.add(new Field(languageField(lang), value, TextField.TYPE_NOT_STORED));
        doc.add(new StringField(KIND, kind, Field.Store.NO));
        doc.add(new SortedDocValuesField(KIND, new BytesRef(kind)));
        if (lang != null && !lang.isEmpty()) doc.add(new StringField(LANG, lang, Field.Store.YES));
        doc.add(new StringField(UID, uid(entity), Field.Store.NO));
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
        try {
            getIndexWriter().deleteDocuments(new Term(UID, uid(entity)));
        } catch (IOException e) {
            throw new TextIndexException("deleteEntity", e);
        }
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

    /** The current write transaction's commit will wait for {@code indexing}, and fail if it failed. */
    void commitAfter(Future<?> indexing) {
        aside = indexing;
    }

    /** Lucene's default: a segment flushed per 16 MB of buffered documents. */
    private static final double RAM_BUFFER_MB = 16;
    /**
     * For a bulk load: a year of texts makes a few segments instead of dozens, which Lucene then merges; measured on
     * the 184-day build, 42.6 s instead of 52.9 s (docs/performance.md). 48 MB rather than 96: the 184-day build took
     * about as long, and the buffer, which outlives young collections, took a decade's build to 662 MiB private
     * against 608.
     */
    private static final double BULK_RAM_BUFFER_MB = Double.parseDouble(System.getProperty("kg.textBufferMb", "48"));

    /** Writes the buffered documents as segments, without committing them. */
    void flush() {
        try {
            getIndexWriter().flush();
        } catch (IOException e) {
            throw new TextIndexException("flush", e);
        }
    }

    /** Buffers more documents between flushes while a bulk load is indexed, and the default again after. */
    void bulk(boolean on) {
        getIndexWriter().getConfig().setRAMBufferSizeMB(on ? BULK_RAM_BUFFER_MB : RAM_BUFFER_MB);
    }

    @Override
    public void prepareCommit() {
        awaitAside();
        if (!pendingGraphs.isEmpty()) writePending(new TreeSet<>(pendingGraphs));
        super.prepareCommit();
    }

    private void awaitAside() {
        Future<?> indexing = aside;
        if (indexing == null) return;
        aside = null;
        try {
            indexing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TextIndexException("interrupted while waiting for the texts to be indexed", e);
        } catch (ExecutionException e) {
            throw new TextIndexException("indexing the texts failed: " + e.getCause(), e.getCause());
        }
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
        aside = null; // its writer stopped it before aborting
        super.rollback(); // Jena reopens the writer
        pendingGraphs.clear();
        stampLayout();
    }

    /**
     * Closes the index. With nothing uncommitted (the normal case: every transaction has ended), Lucene finishes the
     * segment merges it has under way and records them, so an index written by many short processes does not pile up
     * small segments. Anything still uncommitted belongs to no committed transaction of the store and is dropped (Jena's
     * own close would commit it).
     */
    @Override
    public void close() {
        try {
            searchers.close();
            if (getIndexWriter().hasUncommittedChanges()) {
                getIndexWriter().rollback();
            } else {
                getIndexWriter().close();
            }
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
            if (f.name.equals(TEXT) || f.name.startsWith(TEXT + "_")) fields.add(f.name);
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

        /** The index field its text is in ({@code text_zh}). */
        public String field() {
            return languageField(lang);
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
            PaperMatcher matcher = new PaperMatcher(searcher, true);
            PaperMatcher.Matches matches = matcher.match(parsed);
            PaperNumbers numbers = matcher.numbers();
            // best first, then by IRI (the numbers are in IRI order); only the papers up to the page's end are kept
            Comparator<Integer> better = (a, b) -> {
                int byScore = Float.compare(matches.score[b], matches.score[a]);
                return byScore != 0 ? byScore : Integer.compare(a, b);
            };
            int wanted = (int) Math.min(Integer.MAX_VALUE - 1L, (long) Math.max(0, offset) + Math.max(0, limit));
            PriorityQueue<Integer> top = new PriorityQueue<>(better.reversed());
            long total = 0;
            DocIdSetIterator it = matches.iterator();
            for (int p = it.nextDoc(); p != DocIdSetIterator.NO_MORE_DOCS; p = it.nextDoc()) {
                if (!keep.test(numbers.iri(p))) continue;
                total++;
                if (wanted == 0) continue;
                if (top.size() < wanted) {
                    top.add(p);
                } else if (better.compare(p, top.peek()) < 0) {
                    top.poll();
                    top.add(p);
                }
            }
            List<Integer> ranked = new ArrayList<>(top);
            ranked.sort(better);
            List<PaperHit> page = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (int i = Math.max(0, offset); i < ranked.size() && page.size() < limit; i++) {
                int p = ranked.get(i);
                page.add(new PaperHit(numbers.iri(p), matches.score[p], literal(searcher, stored, matches.bestDoc[p])));
            }
            return new PaperPage(total, page, TextQueryParser.literals(parsed));
        });
    }

    /**
     * The papers matching {@code query}, unranked and unscored, for counting: their numbers in the numbering of the
     * index's state they were matched in, ascending.
     */
    public MatchingPapers matchingPapers(String query) {
        return withSearcher(searcher -> {
            PaperMatcher matcher = new PaperMatcher(searcher, false);
            DocIdSetIterator it = matcher.match(parsePapers(searcher.getIndexReader(), query)).iterator();
            IntStream.Builder numbers = IntStream.builder();
            for (int p = it.nextDoc(); p != DocIdSetIterator.NO_MORE_DOCS; p = it.nextDoc()) numbers.add(p);
            return new MatchingPapers(matcher.numbers(), numbers.build().toArray());
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
        String kind = docValue(searcher.getIndexReader(), doc, KIND);
        IndexedText text = kind == null ? null : IndexedText.ofField(kind).orElse(null);
        return new Literal(TextQueryFuncs.stringToNode(d.get(ENTITY)), TextQueryFuncs.stringToNode(d.get(GRAPH)), text,
                d.get(LANG));
    }

    /**
     * Jena's {@code text:query}: the literals matching {@code qs} among the kinds of text of {@code props} (all when
     * empty), in {@code lang} when given, best first. Highlighting is not offered: the texts are not stored.
     */
    @Override
    public List<TextHit> query(String subjectUri, List<Resource> props, String qs, String graphURI, String lang,
            int limit, String highlight) {
        List<IndexedText> texts = props.isEmpty() ? Arrays.asList(IndexedText.values())
                : props.stream().map(p -> IndexedText.ofPredicate(p.asNode()).orElseThrow()).toList();
        return withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            List<String> fields = textFields(reader);
            if (lang != null && !lang.isBlank()) fields = fields.stream().filter(f -> f.equals(languageField(lang))).toList();
            Query q;
            try {
                q = new TextQueryParser(fields, texts, TextQueryParser.Mode.LITERALS).parseText(qs);
            } catch (ParseException | IllegalArgumentException | IndexSearcher.TooManyClauses e) {
                throw new TextIndexParseException(qs, new BadQueryException(qs, e.getMessage()).getMessage());
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST);
            if (subjectUri != null) b.add(new TermQuery(new Term(ENTITY, subjectUri)), BooleanClause.Occur.FILTER);
            if (graphURI != null) b.add(new TermQuery(new Term(GRAPH, graphURI)), BooleanClause.Occur.FILTER);
            if (lang != null && !lang.isBlank()) b.add(new TermQuery(new Term(LANG, lang)), BooleanClause.Occur.FILTER);
            StoredFields stored = searcher.storedFields();
            List<TextHit> hits = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(b.build(), limit > 0 ? limit : DEFAULT_LIMIT).scoreDocs) {
                Document d = stored.document(sd.doc, Set.of(ENTITY, GRAPH));
                String kind = docValue(reader, sd.doc, KIND);
                Node prop = kind == null ? null : IndexedText.ofField(kind).map(t -> t.predicate).orElse(null);
                hits.add(new TextHit(TextQueryFuncs.stringToNode(d.get(ENTITY)), sd.score, null,
                        TextQueryFuncs.stringToNode(d.get(GRAPH)), prop));
            }
            return hits;
        });
    }
}
