package org.digestkg.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The largest memory a measured process (with its children) was seen to hold, MiB; NaN when never read. The
 * three peaks may come from different moments, so {@code private + mapped} need not equal {@code rss}.
 *
 * @param rssMiB     resident set: the kernel's own high-water mark {@code VmHWM} of the process, or the largest sum
 *                   over the process and its children sampled, whichever is larger
 * @param privateMiB anonymous resident memory plus swap: Java heap, thread stacks, metaspace, code cache, malloc —
 *                   what the process itself holds; the kernel can only swap it out, never drop it
 * @param mappedMiB  file-backed resident memory (and shared memory, which kg does not use): the store's
 *                   memory-mapped files, the jar, the JVM's libraries — clean pages the kernel drops under pressure
 *                   and reads again from disk, so they grow with the store and the page cache, not with the heap
 */
public record MemoryPeaks(double rssMiB, double privateMiB, double mappedMiB) {

    public static final MemoryPeaks NONE = new MemoryPeaks(Double.NaN, Double.NaN, Double.NaN);

    /** The median of each peak over several runs of the same command. */
    public static MemoryPeaks median(List<MemoryPeaks> runs) {
        return new MemoryPeaks(median(runs, MemoryPeaks::rssMiB), median(runs, MemoryPeaks::privateMiB),
                median(runs, MemoryPeaks::mappedMiB));
    }

    private static double median(List<MemoryPeaks> runs, ToDoubleFunction<MemoryPeaks> f) {
        return Fmt.median(runs.stream().map(m -> f.applyAsDouble(m)).filter(v -> !Double.isNaN(v)).toList());
    }

    /** "private 412 MiB, mapped 1,130 MiB, RSS 1,540 MiB", for a table cell or a progress line. */
    public String text() {
        return "private " + Fmt.mib(privateMiB) + ", mapped " + Fmt.mib(mappedMiB) + ", RSS " + Fmt.mib(rssMiB);
    }
}
