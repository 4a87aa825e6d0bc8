package org.digestkg.coauthorship.sparql;

import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sys.JenaSubsystemLifecycle;

/**
 * Registers the {@link KGFN} property functions when Jena initialises (found through
 * {@code META-INF/services}), so they work wherever this module is on the class path: Fuseki under
 * {@code kg serve}, {@code kg query}, tests.
 */
public final class NetworkFunctions implements JenaSubsystemLifecycle {

    @Override
    public void start() {
        PropertyFunctionRegistry registry = PropertyFunctionRegistry.get();
        registry.put(KGFN.COAUTHOR, uri -> new CoauthorFunction());
        registry.put(KGFN.TWO_HOP, uri -> new TwoHopFunction());
        registry.put(KGFN.TOP_PAIRS, uri -> new TopPairsFunction());
    }

    @Override
    public void stop() {
    }

    /** After ARQ (level 30), which creates the registry. */
    @Override
    public int level() {
        return 500;
    }
}
