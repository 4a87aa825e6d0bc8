package org.digestkg.cli.coauthorship;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.digestkg.coauthorship.AuthorPair;
import org.digestkg.coauthorship.CoauthorNetwork;
import org.digestkg.coauthorship.PairOrder;
import org.digestkg.coauthorship.PaperFilter;

import org.digestkg.cli.ExitCode;
import org.digestkg.cli.StoreOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "collaborations", mixinStandardHelpOptions = true,
        description = {"Lists the strongest co-author pairs: most joint papers first, the fractional weight breaking ties.",
                "A paper with n authors adds 1/(n-1) to the weight of each of its pairs, so pairs from papers "
                        + "with hundreds of authors sink below small-team pairs with as many joint papers."},
        footer = {"", "Examples:",
                "  kg collaborations --top 10",
                "  kg collaborations --category cs.CV --since 2026-02-01 --by weight"})
public final class CollaborationsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--top", paramLabel = "K", defaultValue = "20",
            description = "How many pairs (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--by", paramLabel = "ORDER", defaultValue = "papers",
            completionCandidates = NetworkCli.PairOrders.class,
            description = "${COMPLETION-CANDIDATES}; papers: joint papers, then weight; weight: weight, then joint papers "
                    + "(default: ${DEFAULT-VALUE})")
    PairOrder by;

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
        List<AuthorPair> pairs = network.topPairs(top, by);

        PrintWriter out = spec.commandLine().getOut();
        out.println("Strongest collaborations" + NetworkCli.describe(filter) + ": "
                + NetworkCli.plural(network.graph().linkCount(), "pair", "pairs") + " among "
                + NetworkCli.plural(network.graph().authorCount(), "author", "authors") + ", "
                + NetworkCli.plural(network.graph().paperCount(), "paper", "papers"));
        if (pairs.isEmpty()) {
            out.println("No two authors share a paper here.");
        } else {
            out.printf("%5s  %6s  %7s  %s%n", "#", "papers", "weight", "pair");
            int rank = 1;
            for (AuthorPair pair : pairs) {
                out.printf("%5d  %6d  %7s  %s + %s%n", rank++, pair.jointPapers(), NetworkCli.decimal(pair.weight()),
                        pair.first().name(), pair.second().name());
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
