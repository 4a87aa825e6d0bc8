package org.digestkg.explorer.service;

import java.util.List;

/**
 * An author's neighbourhood to draw: nodes (the author first) and the links among them.
 *
 * @param people    how many people are within the depth, drawn or not
 * @param truncated true when fewer nodes are drawn than {@code people}
 */
public record EgoNetwork(List<Node> nodes, List<Link> links, int people, boolean truncated) {

    public EgoNetwork {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
    }

    /** A person: distance 0 is the author, 1 a co-author, 2 a co-author's co-author. */
    public record Node(String iri, String name, int papers, int distance) {
    }

    /** Two people (indexes into the nodes) and the papers they share. */
    public record Link(int source, int target, int papers, double weight) {
    }
}
