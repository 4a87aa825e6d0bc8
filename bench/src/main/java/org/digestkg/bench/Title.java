package org.digestkg.bench;

/**
 * A paper title and the short name the summaries call the method by.
 *
 * @param text     the title as printed
 * @param acronym  the method's name ("WorldVQA"); titles without one still get one for the summaries
 */
record Title(String text, String acronym) {
}
