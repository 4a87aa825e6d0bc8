package org.digestkg.cli.coauthorship;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.digestkg.coauthorship.AuthorNameException;
import org.digestkg.coauthorship.Coauthor;
import org.digestkg.coauthorship.CoauthorNetwork;
import org.digestkg.coauthorship.CoauthorReport;
import org.digestkg.coauthorship.PaperFilter;
import org.digestkg.coauthorship.PaperRef;

import org.digestkg.cli.ExitCode;
import org.digestkg.cli.StoreOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "coauthors", mixinStandardHelpOptions = true,
        description = {"Lists a person's co-authors, each with the number of joint papers and the papers themselves.",
                "With --depth 2, also the co-authors of co-authors, each with the people who connect them."},
        footer = {"", "Names: exact first, then ignoring case and accents; an unknown name gets the closest names.",
                "Examples:",
                "  kg coauthors \"Runjie Zhou\"",
                "  kg coauthors \"jose muller\" --depth 2"})
public final class CoauthorsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The person, e.g. \"Runjie Zhou\".")
    String name;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "1",
            description = "1: co-authors; 2: also their co-authors; and so on (default: ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--limit", paramLabel = "K", defaultValue = "50",
            description = "Show at most K people per distance; 0 shows all (default: ${DEFAULT-VALUE})")
    int limit;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        if (depth < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--depth must be at least 1");
        }
        CoauthorReport report;
        try {
            CoauthorNetwork network = NetworkCli.load(store, PaperFilter.ALL);
            report = network.coauthors(name, depth);
        } catch (AuthorNameException e) {
            return NetworkCli.fail(spec, ExitCode.FAILED, e.getMessage());
        }

        PrintWriter out = spec.commandLine().getOut();
        List<Coauthor> direct = report.direct();
        out.println(report.author().name() + ": " + NetworkCli.plural(report.papers(), "paper", "papers") + ", "
                + NetworkCli.plural(direct.size(), "co-author", "co-authors"));
        for (int d = 1; d <= depth; d++) {
            List<Coauthor> layer = report.atDistance(d);
            if (layer.isEmpty()) {
                break;
            }
            out.println();
            out.println(d == 1 ? "Co-authors (" + layer.size() + "):"
                    : "At distance " + d + " (" + layer.size() + "), with whom they connect:");
            int shown = limit == 0 ? layer.size() : Math.min(limit, layer.size());
            for (Coauthor c : layer.subList(0, shown)) {
                if (d == 1) {
                    out.printf("  %-30s %s  weight %s%n", c.author().name(),
                            NetworkCli.plural(c.jointPapers(), "joint paper ", "joint papers"),
                            NetworkCli.decimal(c.weight()));
                    for (PaperRef paper : c.papers()) {
                        out.println("      " + NetworkCli.paperLine(paper));
                    }
                } else {
                    out.printf("  %-30s via %s%n", c.author().name(), NetworkCli.names(c.via(), 3));
                }
            }
            if (shown < layer.size()) {
                out.println("  ... and " + (layer.size() - shown) + " more (--limit 0 shows all)");
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
