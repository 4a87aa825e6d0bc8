package org.digestkg.server;

import java.nio.file.Path;

import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.mgt.ActionDatasets;
import org.apache.jena.fuseki.mgt.FusekiServerCtl;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;

/**
 * The part of Fuseki's admin API ({@code /$/...}) that the Fuseki UI needs, without the rest.
 *
 * <p>Fuseki's own {@code FMod_Admin} is not used: it creates a Fuseki run area ({@code ./run} or
 * {@code $FUSEKI_BASE}) in the working directory, loads any dataset configurations it finds there into the
 * server and offers dataset creation, deletion and backups into that area. {@code kg serve} publishes exactly
 * one store, so this registers only:
 * <ul>
 *   <li>{@code /$/server} – server description (GET);</li>
 *   <li>{@code /$/datasets}, {@code /$/datasets/kg} – dataset descriptions (GET; POST and DELETE answer 405);</li>
 *   <li>{@code /$/ping}, {@code /$/stats}, {@code /$/tasks} – as in Fuseki;</li>
 *   <li>{@code /$/compact/kg} – TDB2 compaction, only on a server started with updates allowed.</li>
 * </ul>
 * {@code FMod_UI} (the UI itself, plus {@code /$/validate/*}) looks up a server-control object to find UI files;
 * {@link UiServerCtl} gives it one that has no run area, so the UI is served from the jena-fuseki-ui jar.
 * Who may call what is decided by {@link AccessGuard}.
 */
final class AdminEndpoints {

    private AdminEndpoints() {}

    static void register(FusekiServer.Builder builder, boolean allowUpdate) {
        builder.addServletAttribute(Fuseki.attrFusekiServerCtl, new UiServerCtl())
               .addServlet("/$/server", new ActionServerStatus())
               .addServlet("/$/datasets/*", new DescribeDatasets())
               .enablePing(true)
               .enableStats(true)
               .enableTasks(true)
               .enableCompact(allowUpdate);
    }

    /** Dataset descriptions for the UI; the calls that would add or remove datasets are not offered. */
    static final class DescribeDatasets extends ActionDatasets {
        private static final String NOT_OFFERED =
                "Adding or removing datasets is not offered: this server publishes exactly one knowledge graph.";

        @Override
        protected JsonValue execPostContainer(HttpAction action) {
            return notOffered(action, "POST");
        }

        @Override
        protected JsonValue execPostItem(HttpAction action) {
            return notOffered(action, "POST");
        }

        @Override
        protected void execDeleteItem(HttpAction action) {
            notOffered(action, "DELETE");
        }

        private static JsonValue notOffered(HttpAction action, String method) {
            // The body is not read, so the connection is not kept for a next request (see AccessGuard.refuse).
            action.getResponse().setHeader("Connection", "close");
            ServletOps.errorMethodNotAllowed(method, NOT_OFFERED);
            return null;
        }
    }

    /** A server control without a run area on disk: FMod_UI then takes the UI files from the classpath. */
    static final class UiServerCtl extends FusekiServerCtl {
        UiServerCtl() {
            super(Path.of("."));   // a non-null path keeps the constructor from reading FUSEKI_BASE
        }

        @Override
        public Path getFusekiBase() {
            return null;
        }
    }
}
