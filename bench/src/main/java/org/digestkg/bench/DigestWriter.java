package org.digestkg.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Prints a {@link DayPlan} byte for byte the way daily-arXiv-ai-enhanced's {@code to_md/convert.py} does:
 * a table of contents, then per category an anchor and heading followed by its papers joined with two
 * newlines, each from the paper template. Entries are generated and written one at a time, so a file of
 * any size needs only one entry's text in memory.
 */
final class DigestWriter {

    private static final int BUFFER = 1 << 16;

    private final NameBook names;

    DigestWriter(NameBook names) {
        this.names = names;
    }

    void write(DayPlan plan, Path file, SplittableRandom rng) throws IOException {
        try (Writer out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), BUFFER)) {
            out.write("<div id=toc></div>\n\n# Table of Contents\n\n");
            for (DayPlan.Section section : plan.sections()) {
                String c = section.category();
                out.write("- [" + c + "](#" + c + ") [Total: " + section.listings().size() + "]\n");
            }
            int rank = 0;
            for (DayPlan.Section section : plan.sections()) {
                String c = section.category();
                out.write("\n\n<div id='" + c + "'></div>\n\n# " + c + " [[Back]](#toc)\n\n");
                boolean first = true;
                for (Listing listing : section.listings()) {
                    if (!first) {
                        out.write("\n\n");
                    }
                    first = false;
                    entry(out, ++rank, listing, rng);
                }
            }
        }
    }

    private void entry(Writer out, int rank, Listing listing, SplittableRandom rng) throws IOException {
        Paper paper = listing.paper();
        String acronym = listing.title().acronym();
        Summary s = ChineseNotesWriter.write(acronym, AbstractWriter.write(acronym, rng), rng);
        StringBuilder b = new StringBuilder(4096);
        b.append("### [").append(rank).append("] [").append(listing.title().text())
                .append("](https://arxiv.org/abs/").append(paper.arxivId()).append(")\n*");
        int[] authors = paper.authors();
        for (int i = 0; i < authors.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(names.name(authors[i]));
        }
        b.append("*\n\nMain category: ").append(paper.mainCategory())
                .append("\n\nTL;DR: ").append(s.tldr())
                .append("\n\n\n<details>\n  <summary>Details</summary>\nMotivation: ").append(s.motivation())
                .append("\n\nMethod: ").append(s.method())
                .append("\n\nResult: ").append(s.result())
                .append("\n\nConclusion: ").append(s.conclusion())
                .append("\n\nAbstract: ").append(s.abstractText())
                .append("\n\n</details>\n");
        out.write(b.toString());
    }
}
