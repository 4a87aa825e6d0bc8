package org.digestkg.coauthorship;

import java.util.List;

/**
 * Someone in an author's neighbourhood.
 *
 * @param distance    1 for a direct co-author, 2 for a co-author of a co-author, and so on
 * @param jointPapers papers written with the author (0 beyond distance 1)
 * @param weight      the fractional collaboration weight of those papers (0 beyond distance 1)
 * @param papers      the joint papers, most recently listed first (empty beyond distance 1)
 * @param via         beyond distance 1: the people one step closer through whom this one is reached
 */
public record Coauthor(AuthorRef author, int distance, int jointPapers, double weight, List<PaperRef> papers,
        List<AuthorRef> via) {

    public Coauthor {
        papers = List.copyOf(papers);
        via = List.copyOf(via);
    }
}
