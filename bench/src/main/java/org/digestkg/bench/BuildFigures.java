package org.digestkg.bench;

import java.util.List;

/**
 * What the builds of one corpus measured, for the steps that report on them or compare with them.
 *
 * @param times  wall time of each run, s
 * @param memory the memory peaks of each run (private, mapped, RSS)
 * @param report the last run's {@code kg build --report}
 */
public record BuildFigures(List<Double> times, List<MemoryPeaks> memory, KgBuildReport report) {

    public BuildFigures {
        times = List.copyOf(times);
        memory = List.copyOf(memory);
    }

    /** Median wall time, s. */
    public double seconds() {
        return Fmt.median(times);
    }

    /** The median of each memory peak over the runs. */
    public MemoryPeaks medianMemory() {
        return MemoryPeaks.median(memory);
    }

    /** Median peak RSS, MiB. */
    public double peakMiB() {
        return medianMemory().rssMiB();
    }

    /** Median private memory peak, MiB. */
    public double privateMiB() {
        return medianMemory().privateMiB();
    }
}
