package org.digestkg.storage.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.text.BadQueryException;
import org.digestkg.storage.text.MatchingPapers;
import org.digestkg.storage.text.PaperTextIndex;

/**
 * Full-text search over the papers of a store: the one service the command line ({@code kg search}), the server's
 * JSON answer and the explorer's pages call.
 *
 * <p>A search is Lucene's query syntax over every text of a paper — titles, abstracts, the five summary fields,
 * notes and keywords, in English, Chinese or any other language ({@code IndexedText}, {@code Analyzers}). Words are
 * all required unless joined by {@code OR}; each word or phrase may be anywhere in the paper's texts (one in the
 * title, another in a summary); a match in a title counts four times one in an abstract. Results are papers, one
 * each, best first; a paper's snippet is cut from the text that matched it best.
 *
 * <p>Thread-safe; reads the store in its own read transactions.
 */
public final class SearchService {

    private final DatasetGraph dsg;
    private final PaperTextIndex index;

    public SearchService(GraphStore store) {
        this(store.datasetGraph());
    }

    /**
     * A search over {@code dsg}, whose context must hold the store's text index (as a {@link GraphStore}'s
     * dataset's does).
     *
     * @throws IllegalArgumentException when it has none
     */
    public SearchService(DatasetGraph dsg) {
        Object index = dsg.getContext().get(TextQuery.textIndex);
        if (!(index instanceof PaperTextIndex p)) {
            throw new IllegalArgumentException("this dataset has no search index (open it as a GraphStore)");
        }
        this.dsg = dsg;
        this.index = p;
    }

    /** Whether {@code dsg} carries a text index this service can search. */
    public static boolean supports(DatasetGraph dsg) {
        return dsg.getContext().get(TextQuery.textIndex) instanceof PaperTextIndex;
    }

    /**
     * Papers matching the request, best first, one page of them.
     *
     * @throws BadQueryException when the query cannot be read (a one-line message)
     */
    public SearchResults search(SearchRequest request) {
        long t0 = System.nanoTime();
        return Txn.calculateRead(dsg, () -> {
            PaperListings listings = new PaperListings(dsg);
            Predicate<String> keep = request.filtered() ? filter(request, listings.all()) : paper -> true;
            PaperTextIndex.PaperPage page = index.searchPapers(request.query(), keep, request.offset(), request.limit());
            List<SearchHit> hits = new ArrayList<>();
            int rank = request.offset();
            for (PaperTextIndex.PaperHit h : page.hits()) {
                PaperListings.Listing l = listings.of(h.paper());
                hits.add(new SearchHit(++rank, h.paper(), l.arxivId(), l.title(), l.category(), l.days(), h.score(),
                        snippet(page, h.best())));
            }
            return new SearchResults(request, page.total(), hits, (System.nanoTime() - t0) / 1_000_000);
        });
    }

    /**
     * For each day, how many of the papers listed that day match the request (its filters included; paging ignored):
     * a term over time. Days with none are left out.
     *
     * @throws BadQueryException when the query cannot be read
     */
    public List<DayCount> perDay(SearchRequest request) {
        return Txn.calculateRead(dsg, () -> {
            MatchingPapers matching = index.matchingPapers(request.query());
            return new PaperListings(dsg).numbered(matching.numbering())
                    .perDay(matching.numbers(), category(request), request.since(), request.until());
        });
    }

    private static Predicate<String> filter(SearchRequest r, Map<String, PaperListings.Listing> all) {
        String category = category(r);
        return paper -> {
            PaperListings.Listing l = all.get(paper);
            return l != null && inCategory(l, category) && l.days().stream().anyMatch(d -> within(d, r));
        };
    }

    /** The request's main category as {@link #inCategory} compares it; null for any. */
    private static String category(SearchRequest r) {
        return r.category() == null ? null : r.category().strip().toLowerCase(Locale.ROOT);
    }

    private static boolean inCategory(PaperListings.Listing l, String category) {
        return category == null || (l.category() != null && l.category().toLowerCase(Locale.ROOT).equals(category));
    }

    private static boolean within(LocalDate day, SearchRequest r) {
        return (r.since() == null || !day.isBefore(r.since())) && (r.until() == null || !day.isAfter(r.until()));
    }

    /** The matched text from the store, cut around its matches. */
    private Snippet snippet(PaperTextIndex.PaperPage page, PaperTextIndex.Literal best) {
        if (best == null || best.text() == null) return null;
        String value = null;
        var it = dsg.find(best.graph(), best.subject(), best.text().predicate, Node.ANY);
        try {
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (!o.isLiteral()) continue;
                String lang = o.getLiteralLanguage();
                if (value == null || lang.equalsIgnoreCase(best.lang() == null ? "" : best.lang())) {
                    value = o.getLiteralLexicalForm();
                }
            }
        } finally {
            Iter.close(it);
        }
        return value == null ? null : Snippets.cut(page.literals(), best.field(), best.text(), best.lang(), value);
    }
}
