package org.digestkg.explorer.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Categories: all of them with their listings ({@code categories}), and one category's page ({@code category},
 * {@code papers-per-category}, {@code category-listings}; its most prolific authors from the co-authorship index).
 */
public final class CategoryService {

    /** How many of a category's most prolific authors a page lists. */
    public static final int TOP_AUTHORS = 20;
    /** How many recent listings a category page and feed show. */
    public static final int RECENT = 50;

    private final StoreQueries queries;
    private final NetworkService network;

    CategoryService(StoreQueries queries, NetworkService network) {
        this.queries = queries;
        this.network = network;
    }

    /** Every category the digests listed papers under, with the number of listings, most first. */
    public List<CategoryCount> categories() {
        return queries.kept("categories", () -> queries.select("categories", Map.of()).stream()
                .map(r -> new CategoryCount(CategoryRef.of(r, "concept", "category", "label"), r.integer("listings", 0)))
                .filter(c -> c.category() != null)
                .toList());
    }

    /** Every category the graph names, by code (kept per state of the store). */
    public Map<String, CategoryRef> byCode() {
        return queries.kept("category names", () -> {
            Map<String, CategoryRef> m = new HashMap<>();
            for (Row r : queries.select("category-names", Map.of())) {
                CategoryRef c = CategoryRef.of(r, "concept", "category", "label");
                if (c != null) {
                    m.putIfAbsent(c.code(), c);
                }
            }
            return Map.copyOf(m);
        });
    }

    /** The category with this IRI, or empty when the store has none. */
    public Optional<CategoryDetails> category(String iri) {
        return queries.read(() -> concept(iri).map(r -> {
            String code = r.text("category");
            CategoryRef ref = new CategoryRef(iri, code, r.text("label"));
            List<DayCount> perDay = perDay(code);
            return new CategoryDetails(ref, r.integer("papers", 0), perDay, recent(code, perDay),
                    queries.kept("top authors " + code, () -> network.topAuthors(code, TOP_AUTHORS)));
        }));
    }

    /** The category with this IRI, without its papers, or empty. */
    public Optional<CategoryRef> ref(String iri) {
        return concept(iri).map(r -> new CategoryRef(iri, r.text("category"), r.text("label")));
    }

    private Optional<Row> concept(String iri) {
        return queries.kept("category " + iri, () -> queries.select("category", Map.of("concept", NodeFactory.createURI(iri))))
                .stream().filter(r -> r.text("category") != null).findFirst();
    }

    /** The latest 50 listings under the category (its code, exactly as stored), newest first. */
    public List<Listing> listings(String code) {
        return queries.read(() -> recent(code, perDay(code)));
    }

    /** What a category's page and feed show changes only with the store: kept per state of the store. */
    private List<Listing> recent(String code, List<DayCount> perDay) {
        return queries.kept("recent " + code, () -> listings(code, perDay));
    }

    /**
     * The latest listings, asking only for the days that hold them: from the per-day counts, the day from which on
     * the category has {@link #RECENT} listings, so the store sorts those and not a year of them.
     */
    private List<Listing> listings(String code, List<DayCount> perDay) {
        Map<String, Node> p = new HashMap<>(code(code));
        int sum = 0;
        for (int i = perDay.size() - 1; i >= 0 && sum < RECENT; i--) {
            sum += perDay.get(i).papers();
            if (sum >= RECENT) {
                p.put("since", NodeFactory.createLiteralDT(perDay.get(i).date().toString(), XSDDatatype.XSDdate));
            }
        }
        return queries.select("category-listings", p).stream().map(Listing::of).toList();
    }

    /** Papers listed under the category per day, oldest first (from the counts every page keeps). */
    private List<DayCount> perDay(String code) {
        return queries.selectKept("papers-per-category").stream()
                .filter(d -> code.equals(d.text("category")))
                .map(d -> new DayCount(d.date("date"), d.integer("papers", 0))).toList();
    }

    private static Map<String, Node> code(String code) {
        return Map.of("category", NodeFactory.createLiteralString(code));
    }
}
