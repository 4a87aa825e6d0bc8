package org.digestkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.digestkg.bench.ResultTable.Met;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void rendersAMarkdownTableWithPaddedColumnsAndRightAlignedValues() {
        ResultTable t = new ResultTable()
                .add("build 184 days", "95.20 s")
                .add("peak RSS", "812 MiB", "≤ 1,024 MiB", Met.YES)
                .add("ratio", "2.10×", "≤ 1.0×", Met.NO)
                .failed("serve", "≤ 5 s", "exit code 1 — a | b");
        List<String> lines = t.markdown().lines().toList();
        assertEquals(6, lines.size());
        assertEquals("| measure        |                value | target      | met?       |", lines.get(0));
        assertEquals("|----------------|---------------------:|-------------|------------|", lines.get(1));
        assertEquals("| build 184 days |              95.20 s |             |            |", lines.get(2));
        assertEquals("| peak RSS       |              812 MiB | ≤ 1,024 MiB | yes        |", lines.get(3));
        assertEquals("| ratio          |                2.10× | ≤ 1.0×      | **no**     |", lines.get(4));
        assertEquals("| serve          | exit code 1 — a \\| b | ≤ 5 s       | **FAILED** |", lines.get(5));
        assertEquals(1, t.count(Met.YES));
        assertEquals(1, t.count(Met.NO));
        assertEquals(1, t.count(Met.FAILED));
    }

    @Test
    void formatsNumbers() {
        assertEquals("250 ms", Fmt.seconds(0.25));
        assertEquals("18.60 s", Fmt.seconds(18.6));
        assertEquals("1234 s", Fmt.seconds(1234.4));
        assertEquals("4.2 ms", Fmt.millis(4.21));
        assertEquals("1,234 ms", Fmt.millis(1234.4));
        assertEquals("1,024 MiB", Fmt.mib(1024));
        assertEquals("1.25×", Fmt.ratio(1.25));
        assertEquals("n/a", Fmt.ratio(Double.NaN));
        assertEquals("1,030,000", Fmt.count(1_030_000));
    }

    @Test
    void mediansOfOddAndEvenCounts() {
        assertEquals(2.0, Fmt.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, Fmt.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertEquals(Double.NaN, Fmt.median(List.of()));
    }

    @Test
    void tailKeepsTheLastNonBlankLines() {
        assertEquals("b / c", Fmt.tail("a\nb\n\nc\n\n", 2));
    }
}
