package org.digestkg.storage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.digestkg.extractor.rdf.DCTERMS;
import org.digestkg.extractor.rdf.DKG;
import org.digestkg.extractor.rdf.Iris;
import org.digestkg.extractor.rdf.RdfMapper;

/**
 * The facts of a paper that belong to one listing: arXiv metadata that can change between versions. Only the
 * paper's latest listing states them about the paper; each older listing keeps its own on its appearance. So the
 * union of all digest graphs has one title, one abstract, one main category and one author list per paper, while
 * no listing's printed metadata is lost.
 *
 * <p>When a newer listing of a paper is loaded, the store demotes the previous latest one; when the latest is
 * deleted, it promotes the next newest. Both move exactly {@link RdfMapper#LISTING_FACTS} between the paper and
 * the appearance inside that listing's digest graph, and add or drop the {@code dcterms:creator} triples derived from the
 * authorships, so a demoted graph is the very graph the mapper would have written for an older listing.
 * Callers run them inside their own write transaction.
 */
final class ListingFacts {

    private ListingFacts() {
    }

    /** Makes the listing of {@code paper} on {@code day} an older one: its facts move to its appearance. */
    static void demote(DatasetGraph dsg, Node paper, LocalDate day) {
        demote(dsg.getGraph(Iris.digest(day)), paper, Iris.appearance(day, paper));
    }

    /** Makes the listing of {@code paper} on {@code day} the latest one: its facts move to the paper. */
    static void promote(DatasetGraph dsg, Node paper, LocalDate day) {
        promote(dsg.getGraph(Iris.digest(day)), paper, Iris.appearance(day, paper));
    }

    /** {@link #demote(DatasetGraph, Node, LocalDate)} on one digest graph. */
    static void demote(Graph graph, Node paper, Node appearance) {
        move(graph, paper, appearance);
        for (Triple t : graph.find(paper, DCTERMS.creator, Node.ANY).toList()) {
            graph.delete(t);
        }
    }

    /** {@link #promote(DatasetGraph, Node, LocalDate)} on one digest graph. */
    static void promote(Graph graph, Node paper, Node appearance) {
        move(graph, appearance, paper);
        List<Node> creators = new ArrayList<>();
        for (Triple ship : graph.find(paper, DKG.authorship, Node.ANY).toList()) {
            for (Triple author : graph.find(ship.getObject(), DKG.author, Node.ANY).toList()) {
                creators.add(author.getObject());
            }
        }
        for (Node creator : creators) {
            graph.add(Triple.create(paper, DCTERMS.creator, creator));
        }
    }

    private static void move(Graph graph, Node from, Node to) {
        for (Node p : RdfMapper.LISTING_FACTS) {
            // collect first: a graph must not change under an open iterator
            for (Triple t : graph.find(from, p, Node.ANY).toList()) {
                graph.delete(t);
                graph.add(Triple.create(to, p, t.getObject()));
            }
        }
    }
}
