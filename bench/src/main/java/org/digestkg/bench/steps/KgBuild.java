package org.digestkg.bench.steps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.digestkg.bench.BenchRun;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.KgBuildReport;
import org.digestkg.bench.ProcessProbe;

/** One {@code kg build --report} run, and the report it wrote (none when it did not get to the end). */
record KgBuild(ProcessProbe.Result process, Optional<KgBuildReport> report) {

    /** {@code kg build --store STORE --report LOG.report.json DIGESTS}, its output in the log {@code name}. */
    static KgBuild run(BenchRun run, Path digests, Path store, String name) throws IOException {
        Path report = run.log(name).resolveSibling(name + ".report.json");
        Files.deleteIfExists(report);
        ProcessProbe.Result res = run.run(run.kg().kg("build", "--store", store.toString(), "--report", report.toString(),
                digests.toString()), name);
        return new KgBuild(res, KgBuildReport.read(report));
    }

    /** Ran to the end (in time, with a report) and no digest failed; rejected entries alone are allowed. */
    boolean complete() {
        return !process.timedOut() && process.stopped() == null && report.isPresent() && report.get().failed() == 0;
    }

    /** Why it is not {@link #complete()}, for a FAILED row. */
    String failure() {
        if (process.timedOut() || process.stopped() != null) return process.failure();
        if (report.isEmpty()) {
            return "no build report (exit code " + process.exitCode() + "): " + Fmt.tail(process.output(), 3);
        }
        return report.get().failed() + " digests failed: " + Fmt.tail(process.output(), 3);
    }
}
