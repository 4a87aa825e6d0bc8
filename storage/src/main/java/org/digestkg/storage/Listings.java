package org.digestkg.storage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.digestkg.extractor.rdf.DCTERMS;
import org.digestkg.extractor.rdf.DKG;
import org.digestkg.extractor.rdf.Iris;

/**
 * Keeps the latest-listing rule true across digests: a paper's title, authors, main category and abstract hang
 * off the paper only in the graph of its latest listing; in older digests' graphs they hang off that listing's
 * appearance node, so earlier versions stay traceable through their digest and the union sees one version.
 * Must be called inside a write transaction.
 */
final class Listings {

    private final DatasetGraph dsg;

    Listings(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    /** Days of the digests that list {@code paper}, other than {@code except}. */
    List<LocalDate> daysListing(Node paper, LocalDate except) {
        List<LocalDate> days = new ArrayList<>();
        dsg.find(Node.ANY, Node.ANY, DKG.paper, paper).forEachRemaining(q -> {
            LocalDate day = dayOf(q.getGraph());
            if (day != null && !day.equals(except)) days.add(day);
        });
        return days;
    }

    /** The digest graph in which {@code paper} currently carries its facts, if any. */
    Optional<Node> holder(Node paper) {
        var it = dsg.find(Node.ANY, paper, DCTERMS.title, Node.ANY);
        try {
            return it.hasNext() ? Optional.of(it.next().getGraph()) : Optional.empty();
        } finally {
            Iter.close(it);
        }
    }

    /** The listing in {@code graph} is no longer the paper's latest: its facts move onto its appearance. */
    void demote(Node graph, Node paper) {
        ListingFacts.demote(dsg, paper, dayOf(graph));
    }

    /** After the digest of {@code removedDay} lost {@code paper}, the latest remaining listing takes over. */
    void promoteLatestRemaining(Node paper, LocalDate removedDay) {
        daysListing(paper, removedDay).stream().max(LocalDate::compareTo)
                .ifPresent(day -> ListingFacts.promote(dsg, paper, day));
    }

    /**
     * Makes the latest-listing rule hold for {@code paper} whatever state it is in: the facts hang off the paper in
     * the graph of its latest listing only. Used after a bulk load, whose listings were mapped ahead of knowing
     * which digests would succeed.
     */
    void settle(Node paper) {
        List<LocalDate> days = daysListing(paper, null);
        if (days.isEmpty()) return;
        LocalDate latest = days.stream().max(LocalDate::compareTo).get();
        boolean latestHolds = false;
        List<Node> holders = new ArrayList<>();
        dsg.find(Node.ANY, paper, DCTERMS.title, Node.ANY).forEachRemaining(q -> holders.add(q.getGraph()));
        for (Node g : holders) {
            if (latest.equals(dayOf(g))) latestHolds = true; else ListingFacts.demote(dsg, paper, dayOf(g));
        }
        if (!latestHolds) ListingFacts.promote(dsg, paper, latest);
    }

    /** The day of a digest graph, from its IRI; null for graphs that are not digests. */
    static LocalDate dayOf(Node graph) {
        return Iris.digestDay(graph);
    }
}
