package org.digestkg.cli.coauthorship;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.digestkg.coauthorship.AuthorNameException;
import org.digestkg.coauthorship.CoauthorNetwork;
import org.digestkg.coauthorship.CollaborationPath;
import org.digestkg.coauthorship.PaperFilter;
import org.digestkg.coauthorship.PathLink;

import org.digestkg.cli.ExitCode;
import org.digestkg.cli.StoreOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "path", mixinStandardHelpOptions = true,
        description = {"Finds the shortest chain of co-authorships between two people (their collaboration "
                + "distance), with a paper behind each link: the joint paper with the fewest authors."},
        footer = {"", "Exits with 1 when no chain connects the two.",
                "Example:", "  kg path \"Runjie Zhou\" \"Haoning Wu\""})
public final class PathCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FROM", description = "The first person.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "The second person.")
    String to;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        CoauthorNetwork network;
        Optional<CollaborationPath> path;
        try {
            network = NetworkCli.load(store, PaperFilter.ALL);
            path = network.path(from, to);
        } catch (AuthorNameException e) {
            return NetworkCli.fail(spec, ExitCode.FAILED, e.getMessage());
        }

        PrintWriter out = spec.commandLine().getOut();
        if (path.isEmpty()) {
            out.println("No chain of co-authors links " + network.resolve(from).name() + " and "
                    + network.resolve(to).name() + ".");
            out.flush();
            return ExitCode.FAILED;
        }
        CollaborationPath chain = path.get();
        out.println(chain.authors().get(0).name() + " -> " + chain.authors().get(chain.authors().size() - 1).name()
                + ": collaboration distance " + chain.distance());
        for (PathLink link : chain.links()) {
            out.println();
            out.println("  " + link.from().name() + " -- " + link.to().name() + "  ("
                    + NetworkCli.plural(link.jointPapers(), "joint paper", "joint papers") + ")");
            out.println("      " + NetworkCli.paperLine(link.paper()) + "  ["
                    + NetworkCli.plural(link.paper().authorCount(), "author", "authors") + "]");
        }
        out.flush();
        return ExitCode.OK;
    }
}
