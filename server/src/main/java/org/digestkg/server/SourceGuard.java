package org.digestkg.server;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.modify.UpdateEngine;
import org.apache.jena.sparql.modify.UpdateEngineFactory;
import org.apache.jena.sparql.modify.UpdateEngineMain;
import org.apache.jena.sparql.modify.UpdateEngineRegistry;
import org.apache.jena.sparql.modify.UpdateEngineWorker;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.web.HttpSC;

/**
 * Keeps what clients send from making the server read files or fetch URLs, except from {@link AllowedSources}:
 * {@code SERVICE} in queries and updates, and {@code LOAD} in updates. Each is refused with Jena's
 * {@link QueryDeniedException}, which Fuseki answers with 422 and the reason.
 *
 * <p>Jena offers the hooks, not the policy: a query endpoint's context carries a {@link ServiceExecutorRegistry}
 * whose first link checks the endpoint; an update is run by Fuseki's own {@link SPARQL_Update} without a context of
 * the endpoint's, so this server's {@link Update} handler marks the thread that runs it, and an
 * {@link UpdateEngineFactory} registered with Jena (it takes only updates run that way) checks each {@code LOAD}
 * and puts the same {@code SERVICE} check into the update's context.
 */
final class SourceGuard {

    private static final ThreadLocal<AllowedSources> RUNNING_UPDATE = new ThreadLocal<>();

    static {
        UpdateEngineRegistry.addFactory(new GuardedUpdateEngines());
    }

    private SourceGuard() {}

    /** Makes {@code SERVICE} calls under {@code context} check their endpoint against {@code sources}. */
    static void applyTo(Context context, AllowedSources sources) {
        context.set(ARQ.httpServiceAllowed, !sources.isEmpty());
        ServiceExecutorRegistry registry = ServiceExecutorRegistry.chooseRegistry(context).copy();
        registry.addSingleLink(new ServiceCheck(sources));
        ServiceExecutorRegistry.set(context, registry);
    }

    /** Checks every {@code SERVICE} endpoint before any other executor sees it. */
    private record ServiceCheck(AllowedSources sources) implements ChainingServiceExecutor {
        @Override
        public QueryIterator createExecution(OpService opExecute, OpService opOriginal, Binding binding,
                                             ExecutionContext execCxt, ServiceExecutor chain) {
            String endpoint = opExecute.getService().isURI() ? opExecute.getService().getURI() : opExecute.getService().toString();
            if (!sources.permits(endpoint)) {
                throw new QueryDeniedException("SERVICE <" + endpoint + "> refused: " + sources.describe());
            }
            return chain.createExecution(opExecute, opOriginal, binding, execCxt);
        }
    }

    /** Fuseki's SPARQL Update, run with this server's sources; a refusal is answered 422 with its reason. */
    static final class Update extends SPARQL_Update {
        private final AllowedSources sources;

        Update(AllowedSources sources) {
            this.sources = sources;
        }

        @Override
        public void execute(HttpAction action) {
            RUNNING_UPDATE.set(sources);
            try {
                super.execute(action);
            } catch (ActionErrorException e) {
                // Fuseki reports any failure of an update as 500; a refusal is the client's doing.
                for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                    if (c instanceof QueryDeniedException denied) {
                        ServletOps.error(HttpSC.UNPROCESSABLE_ENTITY_422, denied.getMessage());
                    }
                }
                throw e;
            } finally {
                RUNNING_UPDATE.remove();
            }
        }
    }

    /** Update engines for updates that {@link Update} runs: with the {@code SERVICE} check, checking {@code LOAD}. */
    private static final class GuardedUpdateEngines implements UpdateEngineFactory {
        @Override
        public boolean accept(DatasetGraph dsg, Context context) {
            return RUNNING_UPDATE.get() != null;
        }

        @Override
        public UpdateEngine create(DatasetGraph dsg, Binding inputBinding, Context context) {
            AllowedSources sources = RUNNING_UPDATE.get();
            Context guarded = context.copy();
            applyTo(guarded, sources);
            return new GuardedUpdateEngine(dsg, inputBinding, guarded, sources);
        }
    }

    private static final class GuardedUpdateEngine extends UpdateEngineMain {
        private final AllowedSources sources;

        GuardedUpdateEngine(DatasetGraph dsg, Binding inputBinding, Context guarded, AllowedSources sources) {
            super(dsg, inputBinding, guarded);
            this.sources = sources;
        }

        @Override
        protected UpdateEngineWorker prepareWorker() {
            return new UpdateEngineWorker(datasetGraph, inputBinding, context) {
                @Override
                public void visit(UpdateLoad load) {
                    if (!sources.permits(load.getSource())) {
                        throw new QueryDeniedException("LOAD <" + load.getSource() + "> refused: " + sources.describe());
                    }
                    super.visit(load);
                }
            };
        }
    }
}
