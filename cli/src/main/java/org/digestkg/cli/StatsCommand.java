package org.digestkg.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.digestkg.storage.GraphStore;
import org.digestkg.storage.Stats;
import org.digestkg.storage.StoredDigests;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Counts papers, authors, authorships, categories, digests and triples; papers per category per day.")
final class StatsCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Stats st = Stats.kept(store.dir()).orElse(null);
        if (st == null) {
            try (GraphStore s = store.openExistingWithoutSearch()) {
                st = Stats.of(s);
                StoredDigests.keep(s); // so that the next reader need not open the store
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("papers       %,10d%n", st.papers());
        out.printf("authors      %,10d%n", st.authors());
        out.printf("authorships  %,10d%n", st.authorships());
        out.printf("categories   %,10d%n", st.categories());
        out.printf("digests      %,10d%n", st.digests());
        out.printf("appearances  %,10d%n", st.appearances());
        out.printf("triples      %,10d   (union of all digests; %,d quads in named graphs)%n", st.triples(), st.quads());
        out.println();
        out.println("papers per category per day:");
        out.printf("  %-10s  %-12s  %6s%n", "date", "category", "papers");
        // a decade has 5,000 such lines: put together by hand, a Formatter for each took a third of the command
        StringBuilder line = new StringBuilder(64);
        for (Stats.DayCount d : st.perCategoryPerDay()) {
            line.setLength(0);
            line.append("  ").append(d.date()).append("  ");
            padRight(line, d.category(), 12).append("  ");
            padLeft(line, Long.toString(d.papers()), 6);
            out.println(line);
        }
        out.flush();
        return ExitCode.OK;
    }

    private static StringBuilder padRight(StringBuilder b, String s, int width) {
        b.append(s);
        for (int i = s.length(); i < width; i++) b.append(' ');
        return b;
    }

    private static StringBuilder padLeft(StringBuilder b, String s, int width) {
        for (int i = s.length(); i < width; i++) b.append(' ');
        return b.append(s);
    }
}
