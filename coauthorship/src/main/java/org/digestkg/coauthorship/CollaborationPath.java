package org.digestkg.coauthorship;

import java.util.List;

/**
 * The shortest chain of co-authorships between two people (their collaboration distance).
 *
 * @param authors the people on the chain, from the first to the second named
 * @param links   one per step, {@code authors.size() - 1} of them
 */
public record CollaborationPath(List<AuthorRef> authors, List<PathLink> links) {

    public CollaborationPath {
        authors = List.copyOf(authors);
        links = List.copyOf(links);
    }

    /** Number of co-authorship steps: 1 for co-authors, 0 from a person to themself. */
    public int distance() {
        return links.size();
    }
}
