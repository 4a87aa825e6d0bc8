package org.digestkg.extractor.parse;

import java.util.List;

/**
 * The lines of one entry, from its heading to the next heading.
 *
 * @param line        1-based line of the heading in the file; line {@code i} of the block is {@code line + i}
 * @param section     the category heading the entry is listed under, or null
 * @param lines       the heading first, then the entry's lines, without line terminators
 * @param atEndOfFile whether the entry is the last thing in the file (so a cut-off entry is a truncated file)
 */
record EntryBlock(int line, String section, List<String> lines, boolean atEndOfFile) {

    EntryBlock {
        lines = List.copyOf(lines);
    }

    int lineOf(int index) {
        return line + index;
    }
}
