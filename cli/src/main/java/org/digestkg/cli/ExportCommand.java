package org.digestkg.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Node;
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
                "triple formats (ttl, nt, rdfxml) write the union of all digests, or the one --graph.",
                "The format comes from --format, else from the --out file's extension (.ttl .nt .nq .trig .jsonld",
                ".rdf), else Turtle. A name ending in .gz is written gzip-compressed. A file is written whole or",
                "not at all: a failed export leaves the file as it was."},
        footer = {"", "Examples:",
                "  kg export --out kg.nq",
                "  kg export --out kg.trig.gz",
                "  kg export --format ttl --graph https://w3id.org/digest-kg/digest/2026-02-04"})
final class ExportCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = FormatNames.class,
            description = "${COMPLETION-CANDIDATES} (default: from the --out extension, else ttl)")
    RdfSyntax format;

    @Option(names = "--graph", paramLabel = "IRI", description = "Only this graph (a digest IRI).")
    String graph;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    static final class FormatNames extends EnumNames {
        FormatNames() {
            super(RdfSyntax.class);
        }
    }

    @Override
    public Integer call() throws Exception {
        RdfSyntax fmt = format != null ? format
                : out != null ? RdfSyntax.ofFileName(out).orElse(RdfSyntax.TTL) : RdfSyntax.TTL;
        Node only = graph == null ? null : NodeFactory.createURI(graph);
        long t0 = System.nanoTime();
        try (GraphStore s = store.openExistingWithoutSearch()) {
            Exporter exporter = new Exporter(s);
            if (only != null && !exporter.hasGraph(only)) {
                throw ExitCode.usage(spec, "no graph <" + graph + "> in " + store.dir());
            }
            if (out == null) {
                OutputStream os = new BufferedOutputStream(System.out, 1 << 16);
                exporter.export(fmt, only, os);
                os.flush();
                return ExitCode.OK;
            }
            long n = OutputFile.write(out, os -> exporter.export(fmt, only, os));
            spec.commandLine().getErr().printf("%,d %s written to %s (%s) in %.1f s%n", n,
                    fmt.keepsGraphs() ? "quads" : "triples", out, fmt.name().toLowerCase(java.util.Locale.ROOT),
                    (System.nanoTime() - t0) / 1e9);
        }
        return ExitCode.OK;
    }
}
