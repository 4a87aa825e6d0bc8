package org.digestkg.extractor.parse;

/**
 * A line that starts with a known label.
 *
 * @param label   the label from the table
 * @param printed the label as printed in the source (e.g. {@code TL;DR} or {@code 动机}), for messages and notes
 * @param rest    the text after the label and its colon, leading whitespace removed
 * @param quoted  whether the line was a {@code > } quote, so continuation lines lose their quote marker too
 */
record LabelMatch(Label label, String printed, String rest, boolean quoted) {
}
