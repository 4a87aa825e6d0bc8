package org.digestkg.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mod.ui.FMod_UI;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.TDB2;
import org.digestkg.server.search.SearchModule;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.search.SearchService;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge graph over HTTP: an in-process Apache Jena Fuseki serving one dataset, {@code /kg}, with the
 * Fuseki web UI at {@code /} (a module may move it: the explorer's pages take {@code /}).
 *
 * <pre>
 * /kg/sparql, /kg/query, /kg   SPARQL query (GET and POST; JSON, XML, CSV, TSV, Turtle, ... by Accept or ?format=)
 * /kg/data, /kg/get            Graph Store Protocol read: ?default (all digests), ?graph=IRI (one digest)
 * /kg/search?q=...             full-text search, JSON   — when the dataset has a text index ({@link SearchModule})
 * /kg/update                   SPARQL Update            — only with update(true), basic auth
 * /kg/data PUT/POST/DELETE     Graph Store Protocol write — only with update(true), basic auth
 * /$/...                       what the UI needs, see {@link AdminEndpoints}
 * </pre>
 *
 * A query's default graph is the union of all named graphs when the dataset says so (a {@link GraphStore} sets
 * {@code TDB2.symUnionDefaultGraph}); {@code /kg/data?default} then returns that union too.
 *
 * <h2>Adding a feature: modules</h2>
 * Features are added the way Fuseki is extended, as {@link FusekiModule}s, not by growing this class:
 * <pre>
 * KgServer.builder().store(store)
 *         .module(served -&gt; new SearchModule(served.dataset()))
 *         .build().start();
 * </pre>
 * {@link Builder#module} takes a function from {@link ServedGraph} — the served dataset, the {@link GraphStore}
 * when the server owns one, the dataset's path and whether updates are allowed — to the module; it is called once,
 * in {@link Builder#build()}. Fuseki then calls the module's hooks (all optional):
 * <ol>
 *   <li>{@code prepare(FusekiServer.Builder, names, null)}, during {@code build()}: add servlets, filters and
 *       endpoints ({@code addServlet("/search", servlet)}, {@code addFilter}, {@code addEndpoint});</li>
 *   <li>{@code configured(...)} with the dataset registry, then {@code server(FusekiServer)}: built, not listening;</li>
 *   <li>{@code serverBeforeStarting(FusekiServer)} and {@code serverAfterStarting(FusekiServer)} in {@link #start()}:
 *       after the second one the server listens ({@code getHttpPort()}); start background work there;</li>
 *   <li>{@code serverStopped(FusekiServer)} in {@link #close()}, also after a failed start: the server no longer
 *       answers, the store is still open; stop background work and <em>wait for it</em> — the store is closed as
 *       soon as every module has returned (a transaction still open would keep it from closing).</li>
 * </ol>
 * Modules run in the order added, after the Fuseki UI ({@code FMod_UI}) and the co-authorship index warm-up
 * ({@link CoauthorIndexWarmUp}, the built-in example). The access rules cover module paths too: GET, HEAD and
 * OPTIONS are open to everyone; any other method counts as a change (see {@link AccessGuard}).
 */
public final class KgServer implements AutoCloseable {

    /** Name of the dataset in URLs. */
    public static final String DATASET_NAME = "kg";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3030;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(KgServer.class);
    private static final String DATASET_PATH = "/" + DATASET_NAME;
    /**
     * Bytes of an answer Jetty holds before it starts sending them. Fuseki asks for 5 MB, so that a query failing
     * while its results are written can still answer with an error status; but Jetty's buffer pool keeps nothing that
     * large, so each answer allocated and zeroed a fresh 5 MB direct buffer, about 15 ms of every answer on this
     * project's machine (a bare ASK 20-28 ms, 5-8 ms with 64 KB), and when those buffers reached the JVM's limit of
     * direct memory it stopped for a full collection ({@code System.gc()}). 64 KB is a size the pool keeps; a query
     * stopped after that much of its answer was sent ends the answer cut short, as any streaming endpoint does.
     */
    static final int OUTPUT_BUFFER = Integer.getInteger("kg.outputBuffer", 64 * 1024);

    private final FusekiServer fuseki;
    private final GraphStore ownedStore;
    private final ListenAddress address;
    private final boolean update;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread shutdownHook;
    private volatile int port;

    private KgServer(FusekiServer fuseki, GraphStore ownedStore, ListenAddress address, int port, boolean update) {
        this.fuseki = fuseki;
        this.ownedStore = ownedStore;
        this.address = address;
        this.port = port;
        this.update = update;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port listened on; after {@link #start()} the one actually chosen when 0 was asked for. */
    public int port() {
        return port;
    }

    public String host() {
        return address.host();
    }

    /**
     * True when updates are allowed on an address other machines can reach: the passwords of HTTP basic
     * authentication then cross the network readable by anyone on the way, since this server speaks plain HTTP.
     * Whoever starts the server should say so at start ({@code kg serve} prints a warning).
     */
    public boolean sendsPasswordsInClear() {
        return update && !address.isLoopback();
    }

    public boolean updateAllowed() {
        return update;
    }

    /** Base URL of the server, e.g. {@code http://127.0.0.1:3030}; the UI is at {@code serverUrl() + "/"}. */
    public String serverUrl() {
        return "http://" + address.urlHost() + ":" + port;
    }

    /** URL of the dataset, e.g. {@code http://127.0.0.1:3030/kg}. */
    public String datasetUrl() {
        return serverUrl() + DATASET_PATH;
    }

    /** The SPARQL query endpoint. */
    public String sparqlUrl() {
        return datasetUrl() + "/sparql";
    }

    /** The Graph Store Protocol endpoint. */
    public String gspUrl() {
        return datasetUrl() + "/data";
    }

    /** The SPARQL Update endpoint (only answers when updates are allowed). */
    public String updateUrl() {
        return datasetUrl() + "/update";
    }

    /**
     * Starts listening; returns at once.
     *
     * @throws IllegalStateException when the address is taken or the server was closed; the store is left open
     */
    public KgServer start() {
        if (closed.get()) {
            throw new IllegalStateException("server already closed");
        }
        if (!started.compareAndSet(false, true)) {
            return this;
        }
        try {
            fuseki.start();
        } catch (RuntimeException e) {
            started.set(false);
            stopAfterFailedStart();
            if (causedBy(e, BindException.class)) {
                if (!address.isOnThisMachine()) {   // an interface went away since build()
                    throw new IllegalStateException("cannot listen on " + address.host()
                            + ": it is no longer an address of this machine", e);
                }
                throw new IllegalStateException("cannot listen on " + address.host() + ":" + port
                        + ": the address is in use (another server running?); choose another port", e);
            }
            throw e;
        }
        for (Connector c : fuseki.getJettyServer().getConnectors()) {
            if (c instanceof ServerConnector sc && sc.getLocalPort() > 0) {
                port = sc.getLocalPort();
            }
        }
        // where the UI is depends on the modules (the explorer moves Fuseki's to /fuseki/): the command says it
        LOG.info("Serving the knowledge graph at {} ({})", datasetUrl(),
                update ? "updates allowed with authentication" : "read-only");
        return this;
    }

    /**
     * Closes the server when the JVM is asked to stop (Ctrl-C, SIGTERM), so Fuseki stops and the store is
     * released. Returns this server.
     */
    public KgServer installShutdownHook() {
        synchronized (this) {
            if (shutdownHook == null && !closed.get()) {
                shutdownHook = new Thread(this::closeQuietly, "kg-server-shutdown");
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
        }
        return this;
    }

    /** Blocks until the server stops (by {@link #close()}, the shutdown hook, or an interrupt, which closes it). */
    public void join() {
        try {
            fuseki.getJettyServer().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
        }
    }

    /**
     * Stops the server, then its modules (each module's {@code serverStopped}, which waits for the module's
     * background work), and then, when it was given a {@link GraphStore}, closes the store. Requests still running
     * are cut off; TDB2 transactions make that safe — an unfinished write is rolled back. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            fuseki.stop();
            LOG.info("Stopped the knowledge graph server on port {}", port);
        } finally {
            if (ownedStore != null) {
                ownedStore.close();
            }
            removeShutdownHook();
        }
    }

    /** Stops what did start, and tells the modules (serverStopped) so they release what they prepared. */
    private void stopAfterFailedStart() {
        try {
            fuseki.stop();
        } catch (RuntimeException e) {
            LOG.debug("Cleaning up after a failed start: {}", e.toString());
        }
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            LOG.warn("Error while stopping the server: {}", e.toString());
        }
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook is running or about to, close() is idempotent.
            }
        }
    }

    /** The socket addresses actually listened on (for checks that the server is not reachable from elsewhere). */
    List<InetSocketAddress> listeningAddresses() {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (Connector c : fuseki.getJettyServer().getConnectors()) {
            if (c instanceof ServerConnector sc && sc.getTransport() instanceof ServerSocketChannel channel) {
                try {
                    if (channel.getLocalAddress() instanceof InetSocketAddress a) {
                        addresses.add(a);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return addresses;
    }

    /** Configures and builds a {@link KgServer}; nothing listens until {@link KgServer#start()}. */
    public static final class Builder {
        private GraphStore store;
        private DatasetGraph dataset;
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private boolean update;
        private Path passwordFile;
        private Duration timeout = DEFAULT_TIMEOUT;
        private AllowedSources sources = AllowedSources.none();
        private final List<Function<ServedGraph, ? extends FusekiModule>> modules = new ArrayList<>();

        private Builder() {}

        /** Serves this store; closing the server closes the store. */
        public Builder store(GraphStore store) {
            this.store = Objects.requireNonNull(store, "store");
            this.dataset = null;
            return this;
        }

        /** Serves this dataset as it is; the caller keeps ownership and closes it. */
        public Builder dataset(DatasetGraph dsg) {
            this.dataset = Objects.requireNonNull(dsg, "dataset");
            this.store = null;
            return this;
        }

        /** Address to listen on; default 127.0.0.1 (this machine only). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port to listen on; default 3030; 0 picks a free port ({@link KgServer#port()} tells which). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Allows SPARQL Update and Graph Store Protocol writes, for users of the {@link #passwordFile(Path)}. */
        public Builder update(boolean allow) {
            this.update = allow;
            return this;
        }

        /** Users allowed to change the store, see {@link PasswordFile} for the format; required with updates. */
        public Builder passwordFile(Path file) {
            this.passwordFile = file;
            return this;
        }

        /** Longest time a query may run; default 30 s. */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Where SPARQL Update {@code LOAD} may read from and {@code SERVICE} calls may go; default none, so nothing
         * a client sends makes the server read a file or fetch a URL.
         */
        public Builder allowedSources(AllowedSources sources) {
            this.sources = Objects.requireNonNull(sources, "sources");
            return this;
        }

        /**
         * Adds a feature to the server as a Fuseki module, made when the server is built from what it serves (see
         * the class comment for what a module gets and when). Modules run in the order they are added, after the
         * Fuseki UI and the co-authorship index warm-up.
         */
        public Builder module(Function<ServedGraph, ? extends FusekiModule> module) {
            modules.add(Objects.requireNonNull(module, "module"));
            return this;
        }

        /**
         * @throws IllegalArgumentException when no store was given, the host is unknown or not this machine's, or
         *                                  updates are allowed without a usable password file
         */
        public KgServer build() {
            DatasetGraph dsg = store != null ? store.datasetGraph() : dataset;
            if (dsg == null) {
                throw new IllegalArgumentException("no store to serve: call store(...) or dataset(...)");
            }
            ListenAddress address = ListenAddress.of(host);
            JsonLdContexts.refuseRemote();
            PasswordFile passwords = null;
            if (update) {
                if (passwordFile == null) {
                    throw new IllegalArgumentException(
                            "updates need a password file (lines 'user: password') so that only its users can change the store");
                }
                passwords = PasswordFile.load(passwordFile);
            }

            ServedGraph served = new ServedGraph(dsg, Optional.ofNullable(store), DATASET_PATH, update);
            FusekiServer.Builder fb = FusekiServer.create()
                    .port(port)
                    .add(DATASET_PATH, dataService(dsg, update, timeout, sources))
                    .securityHandler(new AccessGuard(DATASET_PATH, passwords))
                    .fusekiModules(modules(served));
            if (dsg.getContext().isTrue(TDB2.symUnionDefaultGraph)) {
                fb.addFilter("/*", new UnionDefaultGraphFilter(DATASET_PATH));
            }
            AdminEndpoints.register(fb, update);
            FusekiServer fuseki = fb.build();
            for (Connector c : fuseki.getJettyServer().getConnectors()) {
                // Fuseki binds to all interfaces unless told otherwise; bind where we were asked to.
                if (c instanceof ServerConnector sc) {
                    sc.setHost(host);
                }
                HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
                if (http != null) {   // see OUTPUT_BUFFER
                    http.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER);
                }
            }
            return new KgServer(fuseki, store, address, port, update);
        }

        private FusekiModules modules(ServedGraph served) {
            // The UI, but not Fuseki's admin module: that one would create a run area in the working directory.
            List<FusekiModule> all = new ArrayList<>(List.of(FMod_UI.create(), new CoauthorIndexWarmUp(served.dataset())));
            for (Function<ServedGraph, ? extends FusekiModule> m : modules) {
                all.add(Objects.requireNonNull(m.apply(served), "a module factory returned null"));
            }
            // search answers JSON beside the SPARQL endpoint when the dataset carries a text index
            if (SearchService.supports(served.dataset())) {
                all.add(new SearchModule(served.datasetPath(), served.dataset()));
            }
            return FusekiModules.create(all);
        }

        private static DataService dataService(DatasetGraph dsg, boolean update, Duration timeout,
                                               AllowedSources sources) {
            // The timeout goes into the query endpoints' context, not the dataset's, so the store itself
            // (used in-process by other commands) keeps its own settings. "initial,overall" in milliseconds.
            Context queryContext = new Context();
            long ms = timeout.toMillis();
            queryContext.set(ARQ.queryTimeout, ms + "," + ms);
            // SERVICE calls only to allowed sources: otherwise anyone who can query could make this server fetch any URL.
            SourceGuard.applyTo(queryContext, sources);

            DataService.Builder ds = DataService.newBuilder(dsg)
                    .addEndpoint(query(null, queryContext))
                    .addEndpoint(query("sparql", queryContext))
                    .addEndpoint(query("query", queryContext))
                    .addEndpoint(Operation.GSP_R)
                    .addEndpoint(Operation.GSP_R, "get");
            if (update) {
                ds.addEndpoint(Operation.GSP_RW, "data")
                  .addEndpoint(Endpoint.create().operation(Operation.Update).endpointName("update")
                          .processor(new SourceGuard.Update(sources)).build());
            } else {
                ds.addEndpoint(Operation.GSP_R, "data");
            }
            return ds.build();
        }

        private static Endpoint query(String name, Context context) {
            Endpoint.Builder b = Endpoint.create().operation(Operation.Query).context(context);
            if (name != null) {
                b.endpointName(name);
            }
            return b.build();
        }
    }
}
