package org.digestkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.shacl.Shapes;
import org.digestkg.storage.Conformance;
import org.digestkg.storage.GraphStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks the store against the SHACL shapes of ontology/shapes.ttl (shipped in kg), or others:",
                "each named graph on its own, then their union. Prints 'conforms', or the violations; exits 0 when",
                "the store conforms, 1 when it does not."},
        footer = {"", "Examples:",
                "  kg validate",
                "  kg validate --shapes my-shapes.ttl --limit 100"})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Option(names = "--shapes", paramLabel = "FILE", description = "SHACL shapes to check against (default: ontology/shapes.ttl).")
    Path shapesFile;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "Print at most N violations; all are counted (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (limit < 0) throw ExitCode.usage(spec, "--limit must not be negative");
        Shapes shapes = shapesFile == null ? Conformance.shippedShapes() : Conformance.shapes(shapesFile);
        String against = shapesFile == null ? "ontology/shapes.ttl" : shapesFile.toString();
        Conformance.Report report;
        try (GraphStore s = store.openExistingWithoutSearch()) {
            report = Conformance.check(s, shapes, limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (report.conforms()) {
            out.printf("conforms: %,d graphs and their union satisfy %s%n", report.graphs(), against);
            out.flush();
            return ExitCode.OK;
        }
        for (Conformance.Violation v : report.first()) {
            out.printf("%s  %s  %s%s%n", v.graph(), v.focus(), v.path().isEmpty() ? "" : v.path() + ": ", v.message());
        }
        if (report.violations() > report.first().size()) {
            out.printf("... and %,d more%n", report.violations() - report.first().size());
        }
        out.printf("does not conform: %,d violations of %s in %,d graphs and their union%n", report.violations(),
                against, report.graphs());
        out.flush();
        return ExitCode.FAILED;
    }
}
