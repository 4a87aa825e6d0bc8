package org.digestkg.explorer.web;

import java.time.Duration;

import org.apache.jena.fuseki.FusekiConfigException;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.digestkg.explorer.service.Explorer;
import org.eclipse.jetty.rewrite.handler.RewriteHandler;
import org.eclipse.jetty.rewrite.handler.RewriteRegexRule;
import org.eclipse.jetty.server.Server;

/**
 * The explorer as a Fuseki module: added to a Fuseki server that publishes the knowledge graph's dataset, it
 * takes the server's root — {@code /}, {@code /paper/...}, {@code /author/...}, {@code /digest/...},
 * {@code /category/...}, {@code /search}, {@code /trends}, {@code /path}, {@code /feed/...} — and leaves the dataset's SPARQL and
 * Graph Store endpoints ({@code /kg/...}) and Fuseki's own ({@code /$/...}) where they are.
 *
 * <p>Fuseki's UI moves to {@code /fuseki/}: its files are served from the jena-fuseki-ui jar there, and the
 * calls it makes relative to where it was loaded ({@code /fuseki/$/datasets}, {@code /fuseki/kg/query}) are
 * rewritten to the real endpoints before any of the server's filters see them, so access rules apply to them
 * exactly as to direct calls.
 *
 * <p>Pages ask the dataset with the time limit its SPARQL query endpoint has.
 */
public final class ExplorerModule implements FusekiModule {

    /** Where the Fuseki UI is, once the explorer has the root. */
    public static final String FUSEKI_UI = "/fuseki/";

    private final String datasetName;

    private ExplorerModule(String datasetName) {
        this.datasetName = DataAccessPoint.canonical(datasetName);
    }

    /** The explorer of the dataset published at {@code name} (e.g. {@code "kg"} for {@code /kg}). */
    public static ExplorerModule forDataset(String name) {
        return new ExplorerModule(name);
    }

    @Override
    public String name() {
        return "digest-kg explorer";
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        DataAccessPoint dap = registry.get(datasetName);
        if (dap == null) {
            throw new FusekiConfigException("the explorer needs the dataset " + datasetName + ", which this server does not publish");
        }
        DatasetGraph dsg = dap.getDataService().getDataset();
        builder.addServlet("/*", new ExplorerServlet(Explorer.over(dsg, queryTimeout(dap))));
    }

    @Override
    public void server(FusekiServer server) {
        Server jetty = server.getJettyServer();
        RewriteHandler rewrite = new RewriteHandler();
        String ui = FUSEKI_UI.substring(0, FUSEKI_UI.length() - 1);
        rewrite.addRule(new RewriteRegexRule("^" + ui + "/(\\$/.*)$", "/$1"));
        rewrite.addRule(new RewriteRegexRule("^" + ui + "(" + java.util.regex.Pattern.quote(datasetName) + "(/.*)?)$", "$1"));
        rewrite.setHandler(jetty.getHandler());
        jetty.setHandler(rewrite);
    }

    /** The limit of the dataset's query endpoint ({@code ARQ.queryTimeout}: "overall" or "initial,overall" ms). */
    static Duration queryTimeout(DataAccessPoint dap) {
        for (Endpoint e : dap.getDataService().getEndpoints(Operation.Query)) {
            Object t = e.getContext() == null ? null : e.getContext().get(ARQ.queryTimeout);
            Duration d = parse(t);
            if (d != null) {
                return d;
            }
        }
        return parse(dap.getDataService().getDataset().getContext().get(ARQ.queryTimeout));
    }

    private static Duration parse(Object timeout) {
        if (timeout == null) {
            return null;
        }
        String s = timeout.toString().strip();
        String overall = s.contains(",") ? s.substring(s.indexOf(',') + 1).strip() : s;
        try {
            long ms = Long.parseLong(overall);
            return ms > 0 ? Duration.ofMillis(ms) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
