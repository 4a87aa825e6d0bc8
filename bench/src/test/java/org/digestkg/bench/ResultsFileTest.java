package org.digestkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {

    @TempDir
    Path tmp;

    @Test
    void eachWriteReplacesEveryFileWholeAndLeavesNoTemporaryFile() throws Exception {
        Path a = tmp.resolve("work/results.md");
        Path b = tmp.resolve("bench/results.md");
        Files.createDirectories(b.getParent());
        Files.writeString(b, "an earlier run's results, longer than what replaces them");
        ResultsFile results = new ResultsFile(List.of(a, b));
        results.write("after step 1");
        results.write("after step 2");
        assertEquals("after step 2", Files.readString(a));
        assertEquals("after step 2", Files.readString(b));
        try (var files = Files.list(tmp.resolve("work"))) {
            assertEquals(List.of(a), files.toList());
        }
    }

    @Test
    void aRunStoppedFromOutsideKeepsItsLastWriteAgainstTheStepsStillWriting() throws Exception {
        Path a = tmp.resolve("results.md");
        ResultsFile results = new ResultsFile(List.of(a));
        results.write("partial, after step 3");
        results.writeLast("stopped during step 4");
        results.write("partial, after step 4, whose process the stop killed");
        assertEquals("stopped during step 4", Files.readString(a));
        assertFalse(Files.exists(tmp.resolve("results.md.tmp")));
    }
}
