package org.digestkg.storage.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.digestkg.extractor.rdf.DCTERMS;
import org.digestkg.extractor.rdf.DKG;
import org.digestkg.extractor.rdf.Iris;
import org.digestkg.extractor.rdf.SKOS;
import org.digestkg.storage.tdb.CommittedState;
import org.digestkg.storage.text.PaperNumbering;

/**
 * What a search shows and filters on besides the text: a paper's arXiv id, title, main category and the days it was
 * listed, read from the store. Call inside a read transaction.
 */
final class PaperListings {

    /** One paper's listing facts. */
    record Listing(String arxivId, String title, String category, List<LocalDate> days) {
    }

    private final DatasetGraph dsg;
    private final Map<Node, String> codes = new HashMap<>();

    PaperListings(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    /** The facts of one paper, by looking them up. */
    Listing of(String paperIri) {
        Node paper = NodeFactory.createURI(paperIri);
        TreeSet<LocalDate> days = new TreeSet<>();
        dsg.find(Node.ANY, Node.ANY, DKG.paper, paper).forEachRemaining(q -> {
            LocalDate day = Iris.digestDay(q.getGraph());
            if (day != null) days.add(day);
        });
        String category = first(paper, DKG.mainCategory).map(this::code).orElse(null);
        return new Listing(first(paper, DKG.arxivId).map(Node::getLiteralLexicalForm).orElse(null),
                first(paper, DCTERMS.title).map(Node::getLiteralLexicalForm).orElse(null), category,
                new ArrayList<>(days));
    }

    /** The last {@link #all()} read, with the committed state of the store it was read from. */
    private static final AtomicReference<Map.Entry<String, Map<String, Listing>>> LAST = new AtomicReference<>();

    /**
     * The category and days of every paper (for filtering and counting many papers; titles and ids are left out):
     * read in one pass over the store's listings, and kept for as long as the store's committed state is the one it
     * was read from ({@link CommittedState}), so a server reads it once per change of the store.
     */
    Map<String, Listing> all() {
        Optional<String> state = CommittedState.seenBy(dsg).map(CommittedState::key);
        Map.Entry<String, Map<String, Listing>> last = LAST.get();
        if (state.isPresent() && last != null && last.getKey().equals(state.get())) return last.getValue();
        Map<String, Listing> all = read();
        state.ifPresent(key -> LAST.set(Map.entry(key, all)));
        return all;
    }

    /** The last {@link #numbered} made, for one numbering of the text index and one state of the store. */
    private static final AtomicReference<NumberedListings> LAST_NUMBERED = new AtomicReference<>();

    /**
     * The category and days of every paper of {@code numbering}, by number: kept, as {@link #all()} is, for as long
     * as the store's committed state and the numbering (the text index's state) are the ones they were made for.
     */
    NumberedListings numbered(PaperNumbering numbering) {
        Optional<String> state = CommittedState.seenBy(dsg).map(CommittedState::key);
        NumberedListings last = LAST_NUMBERED.get();
        if (state.isPresent() && last != null && last.isFor(numbering, state.get())) return last;
        NumberedListings made = NumberedListings.of(numbering, state.orElse(""), all());
        if (state.isPresent()) LAST_NUMBERED.set(made);
        return made;
    }

    private Map<String, Listing> read() {
        Map<String, TreeSet<LocalDate>> days = new HashMap<>();
        dsg.find(Node.ANY, Node.ANY, DKG.paper, Node.ANY).forEachRemaining(q -> {
            LocalDate day = Iris.digestDay(q.getGraph());
            if (day != null && q.getObject().isURI()) {
                days.computeIfAbsent(q.getObject().getURI(), p -> new TreeSet<>()).add(day);
            }
        });
        Map<String, String> categories = new HashMap<>();
        dsg.find(Node.ANY, Node.ANY, DKG.mainCategory, Node.ANY).forEachRemaining(q -> {
            // on the paper in its latest listing's graph; older listings state it on their appearance
            if (q.getSubject().isURI() && days.containsKey(q.getSubject().getURI())) {
                categories.put(q.getSubject().getURI(), code(q.getObject()));
            }
        });
        Map<String, Listing> all = new HashMap<>();
        days.forEach((p, d) -> all.put(p, new Listing(null, null, categories.get(p), List.copyOf(d))));
        return Map.copyOf(all);
    }

    private Optional<Node> first(Node subject, Node predicate) {
        var it = dsg.find(Node.ANY, subject, predicate, Node.ANY);
        try {
            return it.hasNext() ? Optional.of(it.next()).map(Quad::getObject) : Optional.empty();
        } finally {
            Iter.close(it);
        }
    }

    private String code(Node concept) {
        return codes.computeIfAbsent(concept, c -> first(c, SKOS.notation).map(Node::getLiteralLexicalForm).orElse(null));
    }
}
