package org.digestkg.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.query.NamedQueries;
import org.digestkg.storage.query.QueryParameters;
import org.digestkg.storage.query.QueryRunner;
import org.digestkg.storage.query.RemoteEndpoint;
import org.digestkg.storage.query.ResultFormat;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs a SPARQL query on the store (or a remote endpoint) and prints the results.",
                "SELECT/ASK print as a table or a W3C result format; CONSTRUCT/DESCRIBE print Turtle.",
                "Parameters are bound into the query's syntax, the same way locally and remotely; a parameter",
                "must be a variable the query binds in every result, or one it only reads (an input)."},
        footer = {"", "Examples:",
                "  kg query papers --format csv",
                "  kg query coauthors --param author=\"Runjie Zhou\"",
                "  kg query -e 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'",
                "  kg query papers --param arxivId=2602.02537 --endpoint http://127.0.0.1:3030/kg/sparql",
                "  kg query my-query.rq --endpoint https://example.org/sparql --user me --password-file pw.txt"})
final class QueryCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", completionCandidates = FormatNames.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    ResultFormat format;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Binds ?NAME to VALUE (a plain string, or an RDF term like <iri>, 42, \"x\"@en). "
                    + "Repeatable, once per NAME.")
    List<String> params = new ArrayList<>();

    @Option(names = "--endpoint", paramLabel = "URL", description = "Query this SPARQL endpoint instead of the local store.")
    String endpoint;

    @Mixin
    LoginOptions login;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Give up after this many seconds (locally: the query's run time; with --endpoint: the wait "
                    + "for the server's answer). Default: no limit.")
    Long timeoutSeconds;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(paramLabel = "FILE.rq|NAME", description = "A query file, or the name of one in sparql/ (e.g. papers).")
        String fileOrName;

        @Option(names = {"-e", "--expr"}, paramLabel = "SPARQL", description = "The query text itself.")
        String text;
    }

    static final class FormatNames extends EnumNames {
        FormatNames() {
            super(ResultFormat.class);
        }
    }

    @Override
    public Integer call() {
        if (timeoutSeconds != null && timeoutSeconds <= 0) throw ExitCode.usage(spec, "--timeout must be positive");
        var credentials = login.login();
        if (credentials.isPresent() && endpoint == null) {
            throw ExitCode.usage(spec, "--user and --password-file are for --endpoint; the local store needs none");
        }
        String queryText;
        try {
            queryText = source.text != null ? source.text : NamedQueries.load(source.fileOrName);
        } catch (IllegalArgumentException e) {
            throw ExitCode.usage(spec, e.getMessage());
        }
        Binding binding;
        Query query;
        try {
            binding = QueryParameters.parse(params);
        } catch (IllegalArgumentException e) {
            throw ExitCode.usage(spec, "--param", e);
        }
        try {
            query = QueryRunner.prepare(queryText, binding);
        } catch (IllegalArgumentException e) {
            throw ExitCode.usage(spec, "--param", e);
        }
        Duration timeout = timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        if (endpoint != null) {
            RemoteEndpoint remote = RemoteEndpoint.at(endpoint);
            if (credentials.isPresent()) remote = remote.withCredentials(credentials.get().user(), credentials.get().password());
            if (timeout != null) remote = remote.withTimeout(timeout);
            QueryRunner.run(remote, query, format, out);
        } else {
            try (GraphStore s = store.openExisting()) {
                QueryRunner.run(s.datasetGraph(), query, format, out, timeout);
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
