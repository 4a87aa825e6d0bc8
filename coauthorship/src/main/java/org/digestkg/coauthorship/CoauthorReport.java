package org.digestkg.coauthorship;

import java.util.List;

/**
 * An author's collaboration neighbourhood up to some depth.
 *
 * @param papers    how many papers the author has in the network
 * @param coauthors by distance; direct co-authors by joint papers, then weight, then name; farther ones by
 *                  how many people connect them, then name
 */
public record CoauthorReport(AuthorRef author, int papers, int depth, List<Coauthor> coauthors) {

    public CoauthorReport {
        coauthors = List.copyOf(coauthors);
    }

    /** The direct co-authors. */
    public List<Coauthor> direct() {
        return atDistance(1);
    }

    public List<Coauthor> atDistance(int distance) {
        return coauthors.stream().filter(c -> c.distance() == distance).toList();
    }
}
