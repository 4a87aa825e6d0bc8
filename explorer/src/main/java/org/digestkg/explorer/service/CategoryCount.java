package org.digestkg.explorer.service;

/** A category with a count: papers, or listings, as the question says. */
public record CategoryCount(CategoryRef category, int count) {
}
