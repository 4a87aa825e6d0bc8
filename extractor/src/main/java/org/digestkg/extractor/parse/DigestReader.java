package org.digestkg.extractor.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.digestkg.extractor.model.Problem;

/**
 * One pass over a digest's lines: splits them into entry blocks at entry and category headings, reads the
 * table of contents, and hands each entry to the sink as soon as its block ends. Only the current block is held.
 */
final class DigestReader {

    private static final char BOM = '\uFEFF';

    private final String file;
    private final EntryParser entries;
    private final DigestSink sink;
    private final TableOfContents toc = new TableOfContents();

    private String section;
    private int blockLine;
    private String blockSection;
    private List<String> block;

    DigestReader(String file, Labels labels, DigestSink sink) {
        this.file = file;
        this.entries = new EntryParser(labels, file);
        this.sink = sink;
    }

    /** Reads every line; {@link BufferedReader#readLine()} already ends lines at {@code \n}, {@code \r\n} or {@code \r}. */
    void read(BufferedReader in) throws IOException {
        int lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == BOM) {
                line = line.substring(1);
            }
            if (line.indexOf('\uFFFD') >= 0) {
                sink.warning(new Problem(file, lineNo,
                        "line contains U+FFFD: bytes that are not UTF-8, or text already broken where it was written"));
            }
            line(line, lineNo);
        }
        endBlock();
        toc.mismatches(file).forEach(sink::warning);
    }

    private void line(String line, int lineNo) {
        if (Lines.isEntryHeading(line)) {
            endBlock();
            startBlock(line, lineNo);
            return;
        }
        Optional<Lines.SectionHeading> heading = Lines.sectionHeading(line);
        // inside an entry only a category heading ends it: a stray "# ..." line is more likely text than structure
        if (heading.isPresent() && (block == null || heading.get().isCategory())) {
            endBlock();
            section = heading.get().code();
            return;
        }
        if (block != null) {
            block.add(line);
            return;
        }
        TableOfContents.claim(line, lineNo).ifPresent(claim -> {
            sink.claimedCount(claim.code(), claim.count());
            toc.add(claim, file).ifPresent(sink::warning);
        });
    }

    private void startBlock(String heading, int lineNo) {
        block = new ArrayList<>();
        block.add(heading);
        blockLine = lineNo;
        blockSection = section;
        toc.countEntry(section);
    }

    private void endBlock() {
        if (block == null) {
            return;
        }
        EntryBlock entryBlock = new EntryBlock(blockLine, blockSection, block);
        block = null;
        Entry entry;
        try {
            entry = entries.parse(entryBlock);
        } catch (RuntimeException e) {
            // one broken entry must not sink the digest; the sink's own exceptions are not caught here
            entry = Entry.rejected(new Problem(file, entryBlock.line(), "entry could not be read: " + e));
        }
        if (entry.isRejected()) {
            sink.rejected(entry.rejection());
        } else {
            sink.paper(entry.paper());
            entry.warnings().forEach(sink::warning);
        }
    }
}
