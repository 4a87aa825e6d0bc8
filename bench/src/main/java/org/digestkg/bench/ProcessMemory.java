package org.digestkg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Watches the resident memory of a process and its children from {@code /proc}, keeping the largest values seen,
 * split as issue 12 asks: <b>private</b> memory (anonymous pages and swap: heap, stacks, malloc), apart from
 * <b>mapped</b> memory (file-backed pages: TDB2's memory-mapped store files, which the kernel can drop), and the
 * whole <b>RSS</b>. See {@link MemoryPeaks} for what each one counts.
 *
 * <p>Two sources, each summed over the process and its descendants (looked up once a {@link #TREE_EVERY}; the
 * {@code kg} launcher execs java and the benchmark starts java itself, so the tree is usually the one process):
 * <ul>
 * <li>{@code /proc/<pid>/smaps_rollup}: private = {@code Anonymous + Swap}, mapped = {@code Rss - Anonymous}. The
 *     kernel walks the page tables to answer, which is exact but costs about 8 ms per GiB resident (17 ms for a
 *     process of 2 GiB here), time taken from the 2 cores the measured process runs on; so it is read every
 *     {@link #SMAPS_EVERY} at most, and less often when a read is slow, so that reading it takes at most
 *     {@link #SMAPS_SHARE} of the time.</li>
 * <li>{@code /proc/<pid>/status} on every {@link #sample}: {@code VmHWM} (the kernel's high-water mark of the RSS,
 *     which misses nothing between samples), and private = {@code RssAnon + VmSwap}, mapped =
 *     {@code RssFile + RssShmem}. These are the kernel's running counters, 0.1 ms to read; they may lag behind
 *     the page tables by the pages a thread or CPU has not yet added in (a few MiB at most; on Linux 6.18 here they
 *     agree with smaps_rollup to the KiB).</li>
 * </ul>
 * A peak is the largest value either source gave. Where {@code smaps_rollup} cannot be read (a kernel before 4.14),
 * status alone is used.
 */
public final class ProcessMemory {

    public static final Duration SMAPS_EVERY = Duration.ofMillis(100);
    public static final double SMAPS_SHARE = 0.02;
    public static final Duration TREE_EVERY = Duration.ofSeconds(1);

    /** One reading of a process tree, KiB. */
    record Reading(long rssKb, long privateKb, long mappedKb) {

        Reading plus(Reading o) {
            return new Reading(rssKb + o.rssKb, privateKb + o.privateKb, mappedKb + o.mappedKb);
        }
    }

    private final ProcessHandle process;
    private List<ProcessHandle> tree;
    private long nextTree;
    private long nextSmaps;
    private boolean smapsReadable = true;
    private int smapsReads;
    private long hwmKb = -1;
    private long rssKb = -1;
    private long privateKb = -1;
    private long mappedKb = -1;

    public ProcessMemory(ProcessHandle process) {
        this.process = process;
        this.tree = List.of(process);
        this.nextTree = System.nanoTime() + TREE_EVERY.toNanos();
        this.nextSmaps = System.nanoTime();
    }

    /** Reads the process tree's memory now, and keeps what is larger than seen before. */
    public synchronized void sample() {
        long now = System.nanoTime();
        if (now >= nextTree) {
            List<ProcessHandle> t = new ArrayList<>(List.of(process));
            process.descendants().forEach(t::add);
            tree = t;
            nextTree = now + TREE_EVERY.toNanos();
        }
        Reading fromStatus = null;
        for (ProcessHandle p : tree) {
            String status = read(p, "status");
            if (status == null) continue;
            if (p.equals(process)) statusField(status, "VmHWM").ifPresent(v -> hwmKb = Math.max(hwmKb, v));
            Reading r = fromStatus(status);
            if (r != null) fromStatus = fromStatus == null ? r : fromStatus.plus(r);
        }
        if (fromStatus == null) return; // gone, or a zombie: its memory is already released
        keep(fromStatus);
        if (smapsReadable && now >= nextSmaps) {
            long t0 = System.nanoTime();
            Reading fromSmaps = null;
            for (ProcessHandle p : tree) {
                String rollup = read(p, "smaps_rollup");
                if (rollup == null && p.equals(process) && process.isAlive()) {
                    smapsReadable = false; // no smaps_rollup here: the status counters alone
                    return;
                }
                Reading r = rollup == null ? null : fromSmapsRollup(rollup);
                if (r != null) fromSmaps = fromSmaps == null ? r : fromSmaps.plus(r);
            }
            long cost = System.nanoTime() - t0;
            nextSmaps = now + Math.max(SMAPS_EVERY.toNanos(), (long) (cost / SMAPS_SHARE));
            if (fromSmaps != null) {
                smapsReads++;
                keep(fromSmaps);
            }
        }
    }

    private void keep(Reading r) {
        rssKb = Math.max(rssKb, r.rssKb());
        privateKb = Math.max(privateKb, r.privateKb());
        mappedKb = Math.max(mappedKb, r.mappedKb());
    }

    /** The peaks seen so far. */
    public synchronized MemoryPeaks peaks() {
        long rss = Math.max(hwmKb, rssKb);
        return new MemoryPeaks(mib(rss), mib(privateKb), mib(mappedKb));
    }

    /** The kernel's high-water mark of the process's RSS, KiB (-1 when never read). */
    public synchronized long hwmKb() {
        return hwmKb;
    }

    /** How many times {@code smaps_rollup} was read (0: the peaks are the status counters'). */
    public synchronized int smapsReads() {
        return smapsReads;
    }

    private static double mib(long kb) {
        return kb < 0 ? Double.NaN : kb / 1024.0;
    }

    private static String read(ProcessHandle p, String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(p.pid()), file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null; // gone, or no such file on this kernel
        }
    }

    /** private = RssAnon + VmSwap, mapped = RssFile + RssShmem, rss = VmRSS; null without them (a zombie). */
    static Reading fromStatus(String status) {
        OptionalLong rss = statusField(status, "VmRSS");
        OptionalLong anon = statusField(status, "RssAnon");
        OptionalLong file = statusField(status, "RssFile");
        if (rss.isEmpty() || anon.isEmpty() || file.isEmpty()) return null;
        return new Reading(rss.getAsLong(), anon.getAsLong() + statusField(status, "VmSwap").orElse(0),
                file.getAsLong() + statusField(status, "RssShmem").orElse(0));
    }

    /** private = Anonymous + Swap, mapped = Rss - Anonymous (file-backed and shared pages); null when empty. */
    static Reading fromSmapsRollup(String rollup) {
        OptionalLong rss = statusField(rollup, "Rss");
        OptionalLong anon = statusField(rollup, "Anonymous");
        if (rss.isEmpty() || anon.isEmpty()) return null;
        return new Reading(rss.getAsLong(), anon.getAsLong() + statusField(rollup, "Swap").orElse(0),
                rss.getAsLong() - anon.getAsLong());
    }

    /** The value in KiB of a {@code Name:   1234 kB} line of {@code /proc/<pid>/status} or {@code smaps_rollup}. */
    static OptionalLong statusField(String text, String name) {
        String prefix = name + ":";
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                String v = line.substring(prefix.length()).trim();
                int sp = v.indexOf(' ');
                try {
                    return OptionalLong.of(Long.parseLong(sp < 0 ? v : v.substring(0, sp)));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}
