package org.digestkg.explorer.service;

import org.digestkg.coauthorship.AuthorRef;

/**
 * A co-author with the papers written together.
 *
 * @param weight the fractional (Newman) weight of those papers: a paper with n authors adds 1/(n-1)
 */
public record CoauthorCount(AuthorRef person, int jointPapers, double weight) {
}
