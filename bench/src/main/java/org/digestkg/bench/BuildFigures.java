package org.digestkg.bench;

import java.util.List;

/**
 * What the builds of one corpus measured, for the steps that report on them or compare with them.
 *
 * @param times   wall time of each run, s
 * @param peaks   peak RSS (VmHWM) of each run, MiB
 * @param memory  the resident sizes of the last run, anonymous and file-backed, for the table
 * @param report  the last run's {@code kg build --report}
 */
public record BuildFigures(List<Double> times, List<Double> peaks, String memory, KgBuildReport report) {

    public BuildFigures {
        times = List.copyOf(times);
        peaks = List.copyOf(peaks);
    }

    /** Median wall time, s. */
    public double seconds() {
        return Fmt.median(times);
    }

    /** Median peak RSS, MiB. */
    public double peakMiB() {
        return Fmt.median(peaks);
    }

    /** "largest seen: anonymous …, file-backed …, VmRSS …" of a run. */
    public static String memory(ProcessProbe.Result r) {
        return "largest seen: anonymous " + Fmt.mib(r.peakAnonKb() / 1024.0) + ", file-backed "
                + Fmt.mib(r.peakFileKb() / 1024.0) + ", VmRSS " + Fmt.mib(r.peakRssKb() / 1024.0);
    }
}
