package org.digestkg.extractor.parse;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link LargeDigestTest} in a child JVM with a small heap: parses one digest with a counting sink and
 * prints what it counted, the time and the heap it peaked at.
 */
public final class LargeDigestMain {

    private LargeDigestMain() {
    }

    public static void main(String[] args) {
        LargeDigestTest.CountingSink sink = new LargeDigestTest.CountingSink();
        long t0 = System.nanoTime();
        DigestParser.parse(Path.of(args[0]), sink);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.printf("papers=%d rejected=%d warnings=%d in %d ms; max heap %d MB, peak heap used %d MB%n",
                sink.papers, sink.rejected, sink.warnings, ms, Runtime.getRuntime().maxMemory() >> 20,
                LargeDigestTest.peakHeapBytes() >> 20);
    }
}
