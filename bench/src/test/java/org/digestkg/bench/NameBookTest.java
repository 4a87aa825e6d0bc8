package org.digestkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NameBookTest {

    private final NameBook names = new NameBook();

    @Test
    void distinctNumbersGetDistinctPrintableNames() {
        Set<String> seen = new HashSet<>();
        // well past the ~85k numbers of 184 days, into the second tier of both styles
        int count = 1_000_000;
        for (int n = 0; n < count; n++) {
            String name = names.name(n);
            // the byline separator, the byline markers and what the extractor folds would merge authors
            assertFalse(name.contains(",") || name.contains("*") || name.contains("_"), name);
            assertEquals(name.strip(), name);
            assertEquals(Normalizer.normalize(name, Normalizer.Form.NFC), name);
            assertTrue(seen.add(name), "duplicate name " + name + " at " + n);
        }
    }

    @Test
    void numbersBeyondTheNameSpaceAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> names.name(-1));
        assertThrows(IllegalArgumentException.class, () -> names.name(Integer.MAX_VALUE));
    }

    @Test
    void earlyAuthorsHaveThePlainestNames() {
        // no initials, no hyphenated or adopted given names: the first tier of each style
        for (int n = 0; n < 10_000; n++) {
            String name = names.name(n);
            assertFalse(name.contains(".") || name.contains("-"), name);
            String[] words = name.split(" ");
            assertTrue(words.length == 2 || name.contains(" de ") || name.contains(" van "), name);
        }
    }
}
