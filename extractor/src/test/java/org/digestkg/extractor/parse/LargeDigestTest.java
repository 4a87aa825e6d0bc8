package org.digestkg.extractor.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 MB digest, made of the real sample's entries repeated under new arXiv ids, parses in bounded time and
 * memory. The parser keeps no per-entry state: the sink here only counts, and a second run in a child JVM whose
 * whole heap (32 MB) is smaller than the file must still read every entry.
 */
class LargeDigestTest {

    static final long SIZE = 50L << 20;
    private static final Pattern HEADING = Pattern.compile("^### \\[\\d+\\] \\[(.*)\\]\\(https://arxiv\\.org/abs/[^)]+\\)$");

    @TempDir
    Path tmp;

    /** Writes entries of the sample, renumbered and with fresh ids, until the file holds {@link #SIZE} bytes. */
    static int writeLargeDigest(Path file) throws IOException {
        String text = Files.readString(SampleDigestsTest.sample("2026-02-04.md"), StandardCharsets.UTF_8);
        List<List<String>> entries = new ArrayList<>();
        List<String> current = null;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("### [")) {
                current = new ArrayList<>();
                entries.add(current);
            }
            if (current != null && !line.startsWith("<div id=") && !line.startsWith("# ")) {
                current.add(line);
            }
        }
        int n = 0;
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# cs.CV [[Back]](#toc)\n\n");
            while (written < SIZE) {
                List<String> entry = entries.get(n % entries.size());
                n++;
                Matcher m = HEADING.matcher(entry.get(0));
                if (!m.matches()) {
                    throw new IllegalStateException(entry.get(0));
                }
                String id = String.format("%04d.%05d", 2601 + n / 100_000, n % 100_000);
                StringBuilder b = new StringBuilder();
                b.append("### [").append(n).append("] [").append(m.group(1)).append("](https://arxiv.org/abs/")
                        .append(id).append(")\n");
                for (String line : entry.subList(1, entry.size())) {
                    b.append(line).append('\n');
                }
                String s = b.toString();
                out.write(s);
                written += s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return n;
    }

    /** Counts, and keeps nothing of what it is sent. */
    static final class CountingSink implements DigestSink {
        long papers;
        long warnings;
        long rejected;
        long authors;
        long chars;

        @Override
        public void paper(Paper paper) {
            papers++;
            authors += paper.authors().size();
            chars += paper.title().length();
            paper.fields().values().forEach(v -> chars += v.length());
        }

        @Override
        public void warning(Problem problem) {
            warnings++;
        }

        @Override
        public void rejected(Problem problem) {
            rejected++;
        }
    }

    @Test
    void fiftyMegabyteDigestInBoundedTimeAndMemory() throws Exception {
        Path file = tmp.resolve("2026-03-04.md");
        int entries = writeLargeDigest(file);
        long size = Files.size(file);
        assertTrue(size >= SIZE, "generated " + size);

        CountingSink sink = new CountingSink();
        long t0 = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> DigestParser.parse(file, sink));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertEquals(entries, sink.papers);
        assertEquals(0, sink.rejected);
        assertEquals(0, sink.warnings);
        System.out.printf("LargeDigestTest: %d bytes, %d entries parsed in %d ms on the test JVM (%.1f MB/s),"
                        + " peak heap of the test JVM so far %d MB%n",
                size, entries, ms, size / 1e6 / (ms / 1e3), peakHeapBytes() >> 20);

        // the same file in a JVM whose whole heap is 32 MB: only bounded per-entry state can pass this
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx32m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), LargeDigestMain.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(180, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("papers=" + entries + " rejected=0 warnings=0"), output);
        System.out.print("LargeDigestTest, -Xmx32m child JVM: " + output);
    }

    /** The highest heap use the JVM has seen, summed over its heap pools (garbage included). */
    static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
