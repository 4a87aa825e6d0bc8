package org.digestkg.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.digestkg.explorer.web.ExplorerModule;
import org.digestkg.server.AllowedSources;
import org.digestkg.server.KgServer;
import org.digestkg.server.watch.FolderWatch;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.InputFiles;
import org.digestkg.storage.Stats;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the store with Apache Jena Fuseki: the explorer's pages at /, the Fuseki UI at /fuseki/,",
                "SPARQL at /kg/sparql,",
                "the Graph Store Protocol (read) at /kg/data. The default graph is the union of all digests.",
                "Given digests (PATH...), it first loads those that are new or changed.",
                "With --watch DIR, it also loads the digests that appear or change in DIR while it serves.",
                "Read-only unless --update, which then requires credentials (--passwd). Ctrl-C stops it cleanly."},
        footer = {"", "Examples:",
                "  kg serve data/",
                "  kg serve --port 8080",
                "  kg serve --watch ~/digests/               (copy or move tomorrow's digest in: it is loaded)",
                "  kg serve --update --passwd users.txt      (users.txt: lines user: password)",
                "  kg serve --update --passwd users.txt --allow-load /srv/rdf/ --allow-load https://example.org/data/"})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = KgServer.DEFAULT_HOST, description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "${env:KG_PORT:-3030}", description = "Port (default: $KG_PORT if set, else 3030; now ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--update", description = "Allow SPARQL Update and Graph Store Protocol writes (needs --passwd).")
    boolean update;

    @Option(names = "--passwd", paramLabel = "FILE", description = "Users allowed to write: lines 'user: password' (Jetty's realm.properties format).")
    Path passwordFile;

    @Option(names = "--allow-load", paramLabel = "SOURCE",
            description = "A folder, or an http(s) or file URL prefix, that SPARQL Update LOAD may read from and SERVICE "
                    + "calls may go to (repeatable). Default none: nothing a client sends makes the server read a file "
                    + "or fetch a URL.")
    List<String> allowLoad = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Stop a query after this many seconds (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--watch", paramLabel = "DIR",
            description = "Load the digests (and RDF files) already in DIR, then each one that appears or changes in "
                    + "it, while serving: one transaction each, by the rules of 'kg build'; a bad file is reported "
                    + "and skipped. Write a file under another name (or a dot-name) and rename it into DIR when done.")
    Path watch;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Digests or folders to load first (unchanged ones are skipped).")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AllowedSources sources = allowedSources();
        if (watch != null && !Files.isDirectory(watch)) {
            throw new ParameterException(spec.commandLine(), "--watch: not a folder: " + watch);
        }
        List<Path> load;
        try {
            load = new ArrayList<>(DigestFiles.expand(paths));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (watch != null) load.addAll(InputFiles.inFolder(watch)); // unlike a named folder, it may start empty
        boolean create = !paths.isEmpty() || watch != null;
        GraphStore s = create ? store.openOrCreate() : store.openExisting();
        KgServer server;
        try {
            // built first, so a wrong host, password file or source stops it before any digest is loaded
            KgServer.Builder b = KgServer.builder().store(s).host(host).port(port)
                    .timeout(Duration.ofSeconds(timeoutSeconds)).update(update).allowedSources(sources)
                    .module(served -> ExplorerModule.forDataset(served.datasetPath()));
            if (passwordFile != null) b.passwordFile(passwordFile);
            if (watch != null) b.module(FolderWatch.of(watch));
            server = b.build();
            if (!load.isEmpty()) {
                BuildCommand.load(s, load, null, false, true, out);
            }
            server.start().installShutdownHook();
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        Stats.Headline st = Stats.headline(s); // two counts, not all of Stats: starting stays quick
        out.printf("Serving %,d papers from %d digests in %s (%s).%n", st.papers(), st.digests(), store.dir(),
                update ? "updates allowed with credentials" : "read-only");
        out.printf("  Explorer    %s/%n", server.serverUrl());
        out.printf("  Fuseki UI   %s%s%n", server.serverUrl(), ExplorerModule.FUSEKI_UI);
        out.printf("  SPARQL      %s%n", server.sparqlUrl());
        out.printf("  Graphs      %s?graph=<digest IRI>%n", server.gspUrl());
        if (watch != null) {
            out.printf("  Watching    %s (new and changed digests are loaded; see the log)%n", watch.toAbsolutePath().normalize());
        }
        if (!sources.isEmpty()) {
            out.printf("  LOAD and SERVICE may read  %s%n",
                    String.join(" ", sources.prefixes().stream().map(u -> "<" + u + ">").toList()));
        }
        out.println("Ctrl-C stops the server.");
        out.flush();
        if (server.sendsPasswordsInClear()) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf("Warning: --update on --host %s takes passwords over plain HTTP from other machines, and anyone "
                    + "on the way can read them. Serve on --host 127.0.0.1 behind an HTTPS reverse proxy instead.%n", host);
            err.flush();
        }
        server.join();
        return 0;
    }

    /** The --allow-load values, a folder given relative to the working directory taken as its absolute path. */
    private AllowedSources allowedSources() {
        List<String> sources = new ArrayList<>();
        for (String a : allowLoad) {
            sources.add(a.contains(":") ? a : Path.of(a).toAbsolutePath().normalize() + "/");
        }
        try {
            return AllowedSources.of(sources);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--allow-load: " + e.getMessage());
        }
    }
}
