package org.digestkg.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.digestkg.storage.GraphStore;
import org.digestkg.storage.query.NamedQueries;
import org.digestkg.storage.query.QueryParameters;
import org.digestkg.storage.query.QueryRunner;
import org.digestkg.storage.query.ResultFormat;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs a SPARQL query on the store (or a remote endpoint) and prints the results.",
                "SELECT/ASK print as a table or a W3C result format; CONSTRUCT/DESCRIBE print Turtle."},
        footer = {"", "Examples:",
                "  kg query papers --format csv",
                "  kg query coauthors --param author=\"Runjie Zhou\"",
                "  kg query -e 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'",
                "  kg query my-query.rq --endpoint http://127.0.0.1:3030/kg/sparql"})
final class QueryCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, csv, tsv, json or xml (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Binds ?NAME to VALUE (a plain string, or an RDF term like <iri>, 42, \"x\"@en). Repeatable.")
    List<String> params = new ArrayList<>();

    @Option(names = "--endpoint", paramLabel = "URL", description = "Query this SPARQL endpoint instead of the local store.")
    String endpoint;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(paramLabel = "FILE.rq|NAME", description = "A query file, or the name of one in sparql/ (e.g. papers).")
        String fileOrName;

        @Option(names = {"-e", "--expr"}, paramLabel = "SPARQL", description = "The query text itself.")
        String text;
    }

    @Override
    public Integer call() {
        String queryText = source.text != null ? source.text : NamedQueries.load(source.fileOrName);
        var binding = QueryParameters.parse(params);
        ResultFormat fmt = ResultFormat.parse(format);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        if (endpoint != null) {
            QueryRunner.runRemote(endpoint, queryText, binding, fmt, out);
        } else {
            try (GraphStore s = store.openExisting()) {
                QueryRunner.run(s.datasetGraph(), queryText, binding, fmt, out);
            }
        }
        out.flush();
        return 0;
    }
}
