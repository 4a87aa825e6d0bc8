package org.digestkg.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.graph.NodeFactory;
import org.digestkg.storage.Exporter;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.RdfSyntax;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the graph as RDF. Quad formats (nq, trig, jsonld) keep each digest's named graph;",
                "triple formats (ttl, nt, rdfxml) write the union of all digests, or the one --graph."},
        footer = {"", "Examples:",
                "  kg export --format nq --out kg.nq",
                "  kg export --format ttl --graph https://w3id.org/digest-kg/digest/2026-02-04"})
final class ExportCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "ttl", paramLabel = "FORMAT", completionCandidates = FormatNames.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    RdfSyntax format;

    static final class FormatNames extends EnumNames {
        FormatNames() {
            super(RdfSyntax.class);
        }
    }

    @Option(names = "--graph", paramLabel = "IRI", description = "Only this graph (a digest IRI).")
    String graph;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        RdfSyntax fmt = format;
        long t0 = System.nanoTime();
        try (GraphStore s = store.openExisting();
             OutputStream os = out == null ? System.out : new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            long n = new Exporter(s).export(fmt, graph == null ? null : NodeFactory.createURI(graph), os);
            os.flush();
            if (out != null) {
                spec.commandLine().getErr().printf("%,d %s written to %s in %.1f s%n", n,
                        fmt.keepsGraphs() ? "quads" : "triples", out, (System.nanoTime() - t0) / 1e9);
            }
        }
        return ExitCode.OK;
    }
}
