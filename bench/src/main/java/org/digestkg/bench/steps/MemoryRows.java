package org.digestkg.bench.steps;

import java.util.List;
import java.util.Locale;

import org.digestkg.bench.BuildFigures;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.MemoryPeaks;
import org.digestkg.bench.ResultTable;
import org.digestkg.bench.ResultTable.Met;

/**
 * The memory rows of the table and their targets, in one place: private memory (heap, stacks, malloc) apart from
 * mapped memory (the store's memory-mapped files), as issue 12 asks, and the whole RSS (see {@link MemoryPeaks}).
 *
 * <ul>
 * <li>Private peak of the smallest build ≤ 512 MB, read as 512 MiB like the 1 GB RSS target is read as 1 GiB.</li>
 * <li>"Flat for 1,840 days": the larger build's private peak ≤ {@link #FLAT_RATIO}× the smallest build's. The
 *     corpus is 10× larger, so anything the build held per paper, author or day would show as a multiple; 15% is
 *     room for the JVM's heap sizing, which moves the peak of repeated runs of the same build by a few per cent.</li>
 * <li>Peak RSS of the smallest build ≤ 1 GB (issue 5). A larger build's RSS is reported as a ratio without a target:
 *     mapped pages count in RSS and grow with the store (a decade's store maps ten times the pages), which no
 *     streaming can hold flat; issue 12 put the flat target on private memory for that reason.</li>
 * </ul>
 */
public final class MemoryRows {

    public static final double PRIVATE_LIMIT_MIB = 512;
    public static final double FLAT_RATIO = 1.15;
    public static final double RSS_LIMIT_MIB = 1024;

    static final String PRIVATE = "private memory peak (anonymous + swap: heap, stacks, malloc)";
    static final String MAPPED = "mapped memory peak (file-backed: the store's mapped files, jar, libraries; "
            + "the kernel can drop these pages)";
    static final String RSS = "peak RSS (VmHWM: private and mapped together)";

    private MemoryRows() {
    }

    /** The smallest build's rows: private against 512 MiB, mapped, RSS against 1 GiB (medians of its runs). */
    static void smallestBuild(ResultTable table, int days, BuildFigures build) {
        MemoryPeaks m = build.medianMemory();
        List<MemoryPeaks> runs = build.memory();
        String what = "build " + days + " days: ";
        table.add(what + PRIVATE, Fmt.mib(m.privateMiB()) + runs(runs, MemoryPeaks::privateMiB),
                "≤ 512 MB (512 MiB)", met(m.privateMiB() <= PRIVATE_LIMIT_MIB, m.privateMiB()));
        table.add(what + MAPPED, Fmt.mib(m.mappedMiB()) + runs(runs, MemoryPeaks::mappedMiB));
        table.add(what + RSS, Fmt.mib(m.rssMiB()) + runs(runs, MemoryPeaks::rssMiB), "≤ 1 GB (1,024 MiB)",
                met(m.rssMiB() <= RSS_LIMIT_MIB, m.rssMiB()));
    }

    /**
     * A larger build's rows, each as a ratio to the smallest build's ({@code small}, absent when that was not
     * measured in this run). A build that did not finish can miss a target, never meet one: its peaks are peaks so
     * far.
     */
    static void largerBuild(ResultTable table, int days, MemoryPeaks m, int smallDays, MemoryPeaks small,
                            boolean finished) {
        String what = "build " + days + " days: ";
        String when = finished ? "" : " when stopped";
        String ofSmall = " build " + smallDays;
        double pr = m.privateMiB() / small.privateMiB();
        table.add(what + PRIVATE + when, Fmt.mib(m.privateMiB()) + " = " + Fmt.ratio(pr) + ofSmall,
                String.format(Locale.ROOT, "flat: ≤ %s×%s (%s)", Fmt.decimal(FLAT_RATIO), ofSmall,
                        Fmt.mib(FLAT_RATIO * small.privateMiB())), met(pr <= FLAT_RATIO, pr, finished));
        table.add(what + MAPPED + when, Fmt.mib(m.mappedMiB()) + " = "
                + Fmt.ratio(m.mappedMiB() / small.mappedMiB()) + ofSmall);
        table.add(what + RSS + when, Fmt.mib(m.rssMiB()) + " = " + Fmt.ratio(m.rssMiB() / small.rssMiB()) + ofSmall
                + " (no target: the mapped pages in it grow with the store)");
    }

    /** One row of a command's peaks, without a target: "private …, mapped …, RSS …". */
    static void peaks(ResultTable table, String measure, List<MemoryPeaks> runs) {
        MemoryPeaks m = MemoryPeaks.median(runs);
        table.add(measure, m.text() + (runs.size() > 1 ? " (medians of " + runs.size() + " runs)" : ""));
    }

    private static String runs(List<MemoryPeaks> runs, java.util.function.ToDoubleFunction<MemoryPeaks> f) {
        return Fmt.runsNote(runs.stream().map(m -> f.applyAsDouble(m)).toList(), Fmt::mib);
    }

    private static Met met(boolean met, double value) {
        return met(met, value, true);
    }

    private static Met met(boolean met, double value, boolean finished) {
        if (Double.isNaN(value)) return Met.NONE;
        if (!finished) return met ? Met.NONE : Met.NO;
        return Met.of(met);
    }
}
