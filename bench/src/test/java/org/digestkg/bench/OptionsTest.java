package org.digestkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void parsesAllOptionsAndDefaultsTheOptionalOnes() {
        assertEquals(new CorpusGenerator.Options(184, Path.of("/tmp/c"), 9L, LocalDate.of(2024, 7, 1)),
                CorpusGenerator.Options.parse(
                        new String[] {"--days", "184", "--out", "/tmp/c", "--seed", "9", "--start", "2024-07-01"}));
        assertEquals(new CorpusGenerator.Options(3, Path.of("x"), CorpusGenerator.DEFAULT_SEED,
                        CorpusGenerator.DEFAULT_START),
                CorpusGenerator.Options.parse(new String[] {"--out", "x", "--days", "3"}));
    }

    @Test
    void rejectsMissingBadOrUnknownOptions() {
        assertThrows(IllegalArgumentException.class, () -> CorpusGenerator.Options.parse(new String[] {"--days", "3"}));
        assertThrows(IllegalArgumentException.class,
                () -> CorpusGenerator.Options.parse(new String[] {"--days", "x", "--out", "o"}));
        assertThrows(IllegalArgumentException.class,
                () -> CorpusGenerator.Options.parse(new String[] {"--days", "0", "--out", "o"}));
        assertThrows(IllegalArgumentException.class,
                () -> CorpusGenerator.Options.parse(new String[] {"--days", "1", "--out", "o", "--start", "May"}));
        assertThrows(IllegalArgumentException.class,
                () -> CorpusGenerator.Options.parse(new String[] {"--days", "1", "--out", "o", "--speed", "2"}));
        assertThrows(IllegalArgumentException.class,
                () -> CorpusGenerator.Options.parse(new String[] {"--days", "1", "--out"}));
    }
}
