package org.digestkg.cli.coauthorship;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.digestkg.coauthorship.AuthorGraphView;
import org.digestkg.coauthorship.AuthorNameException;
import org.digestkg.coauthorship.CoauthorNetwork;
import org.digestkg.coauthorship.NetworkExport;
import org.digestkg.coauthorship.NetworkFormat;
import org.digestkg.coauthorship.PaperFilter;

import org.digestkg.cli.ExitCode;
import org.digestkg.cli.OutputFile;
import org.digestkg.cli.StoreOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "network", mixinStandardHelpOptions = true,
        description = {"Exports the co-authorship network for Gephi, Cytoscape, yEd or Graphviz.",
                "Nodes are authors (label, papers, iri); edges join co-authors (weight = fractional collaboration "
                        + "weight, joint_papers = joint paper count). GEXF and GraphML open in Gephi as they are; "
                        + "CSV is one edge list, source,target,papers,weight, with names as node keys."},
        footer = {"", "Examples:",
                "  kg network --format gexf --out network.gexf",
                "  kg network --author \"Runjie Zhou\" --depth 2 --out ego.graphml",
                "  kg network --category cs.CL --format csv --out cl-edges.csv"})
public final class NetworkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--author", paramLabel = "NAME",
            description = "Only this person's ego network: everyone within --depth steps and the links among them.")
    String author;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "1",
            description = "Steps from --author (default: ${DEFAULT-VALUE})")
    int depth;

    @Mixin
    NetworkFilterOptions filterOptions;

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = NetworkCli.Formats.class,
            description = "${COMPLETION-CANDIDATES} (default: from the --out extension, else graphml)")
    NetworkFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here (default: standard output).")
    Path out;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        if (depth < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--depth must not be negative");
        }
        if (author == null && spec.commandLine().getParseResult().hasMatchedOption("--depth")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--depth needs --author");
        }
        NetworkFormat chosen = format != null ? format
                : out != null ? NetworkFormat.ofFileName(out).orElse(NetworkFormat.GRAPHML) : NetworkFormat.GRAPHML;
        PaperFilter filter = filterOptions.filter();

        CoauthorNetwork network;
        AuthorGraphView view;
        try {
            network = NetworkCli.load(store, filter);
            view = author == null ? network.wholeNetwork() : network.egoNetwork(author, depth);
        } catch (AuthorNameException e) {
            return NetworkCli.fail(spec, ExitCode.FAILED, e.getMessage());
        }

        if (out == null) {
            spec.commandLine().getOut().flush();
            NetworkExport.write(view, chosen, new BufferedOutputStream(System.out, 1 << 16));
            return ExitCode.OK;
        }
        try {
            // whole or not at all, like every file kg writes
            OutputFile.write(out, os -> {
                NetworkExport.write(view, chosen, os);
                return null;
            });
        } catch (IOException e) {
            return NetworkCli.fail(spec, ExitCode.FAILED, e.getMessage());
        }
        PrintWriter console = spec.commandLine().getOut();
        console.println("Wrote " + NetworkCli.plural(view.vertexSet().size(), "author", "authors") + " and "
                + NetworkCli.plural(view.edgeSet().size(), "link", "links") + NetworkCli.describe(filter)
                + (author == null ? "" : " within " + depth + " of " + network.resolve(author).name())
                + " to " + out + " (" + chosen.name().toLowerCase(Locale.ROOT) + ")");
        console.flush();
        return ExitCode.OK;
    }
}
