package org.digestkg.bench;

/**
 * One step of the benchmark: it runs real processes (or asks the running server) and adds rows to the results
 * table. A new step is a class implementing this and one line in {@link Benchmark#STEPS}.
 */
public interface BenchStep {

    /**
     * The name {@code --steps} selects it by; steps that belong together share one ("serve" and its queries); null
     * for a step that always runs when it {@link #applies}.
     */
    String option();

    /** What it measures: the row that says so when it fails with an exception. */
    String title(BenchRun run);

    /** The target of that row, if the step has one. */
    default String target() {
        return "";
    }

    /**
     * Whether it queries the running server ({@link BenchRun#server()}). Consecutive such steps share one
     * {@code kg serve}; it is stopped before any other step, which may then use the store itself.
     */
    default boolean usesServer() {
        return false;
    }

    /** Whether it has something to measure in this run: most steps need the smallest corpus's store. */
    default boolean applies(BenchRun run) {
        return run.storeReady();
    }

    /** Runs and adds its rows; an exception becomes a FAILED row under {@link #title}, and the run goes on. */
    void run(BenchRun run) throws Exception;
}
