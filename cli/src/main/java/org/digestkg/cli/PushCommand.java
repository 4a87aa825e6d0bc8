package org.digestkg.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.digestkg.extractor.parse.DigestParser;
import org.digestkg.extractor.rdf.DKG;
import org.digestkg.extractor.rdf.Iris;
import org.digestkg.extractor.rdf.RDF;
import org.digestkg.server.BasicCredentials;
import org.digestkg.server.GraphPusher;
import org.digestkg.storage.GraphStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Sends digests' named graphs from the store to a remote SPARQL 1.1 Graph Store Protocol endpoint,",
                "replacing each graph there (HTTP PUT), so the same graph can live on a shared server.",
                "Without PATH, every digest in the store is sent."},
        footer = {"", "Examples:",
                "  kg push --endpoint http://127.0.0.1:3030/kg/data --user admin --password-file pw.txt",
                "  kg push --endpoint https://sparql.example.org/ds/data --user me --password-file pw.txt data/2026-02-04.md"})
final class PushCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Option(names = "--endpoint", required = true, paramLabel = "URL", description = "The Graph Store Protocol endpoint, e.g. http://host:3030/ds/data.")
    String endpoint;

    @Mixin
    LoginOptions login;

    @Parameters(paramLabel = "PATH|DAY", arity = "0..*", description = "Digest files (their dates) or days YYYY-MM-DD.")
    List<String> which = new ArrayList<>();

    @Override
    public Integer call() {
        Optional<BasicCredentials> credentials = login.login().map(l -> new BasicCredentials(l.user(), l.password()));
        List<Node> named = which.stream().map(this::graphOf).toList();
        try (GraphStore s = store.openExisting()) {
            List<Node> graphs = which.isEmpty() ? allDigests(s) : named;
            for (Node graph : graphs) {
                long triples = Txn.calculateRead(s.datasetGraph(), () -> {
                    if (!s.datasetGraph().containsGraph(graph)) {
                        throw ExitCode.usage(spec, "no graph <" + graph.getURI() + "> in " + store.dir());
                    }
                    var g = s.datasetGraph().getGraph(graph);
                    GraphPusher.push(endpoint, graph, g, credentials);
                    return (long) g.size();
                });
                spec.commandLine().getOut().printf("pushed  %s  %,d triples%n", graph.getURI(), triples);
            }
            spec.commandLine().getOut().printf("%d graphs pushed to %s%n", graphs.size(), endpoint);
        }
        return ExitCode.OK;
    }

    private Node graphOf(String pathOrDay) {
        try {
            return Iris.digest(LocalDate.parse(pathOrDay));
        } catch (java.time.format.DateTimeParseException notADay) {
            return Iris.digest(DigestParser.dateFromFileName(Path.of(pathOrDay)).orElseThrow(() ->
                    ExitCode.usage(spec, pathOrDay + " is neither a day YYYY-MM-DD nor a file named after one")));
        }
    }

    private static List<Node> allDigests(GraphStore s) {
        return Txn.calculateRead(s.datasetGraph(), () -> {
            List<Node> graphs = new ArrayList<>();
            s.datasetGraph().find(Node.ANY, Node.ANY, RDF.type, DKG.Digest).forEachRemaining(q -> {
                if (q.getGraph().equals(q.getSubject())) graphs.add(q.getGraph());
            });
            graphs.sort(java.util.Comparator.comparing(Node::getURI));
            return graphs;
        });
    }
}
