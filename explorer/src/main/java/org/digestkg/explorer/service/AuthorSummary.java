package org.digestkg.explorer.service;

import org.digestkg.coauthorship.AuthorRef;

/** An author with the number of their papers and of the distinct people they wrote with. */
public record AuthorSummary(AuthorRef person, int papers, int coauthors) {
}
