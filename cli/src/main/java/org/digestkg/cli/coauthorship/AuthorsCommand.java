package org.digestkg.cli.coauthorship;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.digestkg.coauthorship.AuthorOrder;
import org.digestkg.coauthorship.AuthorStats;
import org.digestkg.coauthorship.CoauthorNetwork;
import org.digestkg.coauthorship.PaperFilter;

import org.digestkg.cli.ExitCode;
import org.digestkg.cli.StoreOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "authors", mixinStandardHelpOptions = true,
        description = {"Lists the most prolific authors with their number of co-authors (degree), their strength "
                + "(papers with co-authors, each counted once however many authors it has) and a centrality: "
                + "PageRank on the fractional collaboration weights, scaled so the average author scores 1."},
        footer = {"", "Examples:",
                "  kg authors --top 10",
                "  kg authors --category cs.CL --by centrality"})
public final class AuthorsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--top", paramLabel = "K", defaultValue = "20",
            description = "How many authors (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--by", paramLabel = "ORDER", defaultValue = "papers",
            completionCandidates = NetworkCli.AuthorOrders.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    AuthorOrder by;

    @Mixin
    NetworkFilterOptions filterOptions;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        if (top < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top must be at least 1");
        }
        PaperFilter filter = filterOptions.filter();
        CoauthorNetwork network = NetworkCli.load(store, filter);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Authors" + NetworkCli.describe(filter) + ": "
                + NetworkCli.plural(network.graph().authorCount(), "author", "authors") + ", "
                + NetworkCli.plural(network.graph().paperCount(), "paper", "papers"));
        if (network.graph().authorCount() == 0) {
            out.flush();
            return ExitCode.OK;
        }
        List<AuthorStats> authors = network.topAuthors(top, by);
        out.printf("%5s  %6s  %10s  %8s  %10s  %s%n", "#", "papers", "co-authors", "strength", "centrality", "author");
        int rank = 1;
        for (AuthorStats a : authors) {
            out.printf("%5d  %6d  %10d  %8s  %10s  %s%n", rank++, a.papers(), a.degree(),
                    NetworkCli.decimal(a.strength()), NetworkCli.decimal(a.centrality()), a.author().name());
        }
        out.flush();
        return ExitCode.OK;
    }
}
