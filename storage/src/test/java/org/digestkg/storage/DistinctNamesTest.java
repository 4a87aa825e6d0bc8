package org.digestkg.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DistinctNamesTest {

    @Test
    void countsEachNameOnceAsASetOfStringsDoesWhateverItsScriptOrLength() {
        Random random = new Random(7);
        String[] given = {"Wei Zhang", "Zhang Wei", "张伟", "José Núñez", "Ægir Ŝ", "x"};
        String longName = "Long".repeat(10_000); // beyond what the byte pool holds in one entry
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            names.add(random.nextInt(4) == 0 ? given[random.nextInt(given.length)] : "Author " + random.nextInt(20_000));
        }
        names.add(longName);
        names.add(new String(longName.toCharArray()));
        names.add(longName + "s");

        DistinctNames counted = new DistinctNames();
        assertTrue(counted.isEmpty());
        counted.addAll(names);
        assertEquals(new HashSet<>(names).size(), counted.size());
    }

    @Test
    void aSetAddedToAnotherCountsTheNamesOfBothOnce() {
        List<String> first = List.of("Ada Lovelace", "李娜", "Long".repeat(5_000), "Alan Turing");
        List<String> second = List.of("Alan Turing", "Grace Hopper", "Long".repeat(5_000), "李娜", "李娜娜");
        DistinctNames a = new DistinctNames();
        a.addAll(first);
        DistinctNames b = new DistinctNames();
        b.addAll(second);
        a.addAll(b);

        Set<String> union = new HashSet<>(first);
        union.addAll(second);
        assertEquals(union.size(), a.size());
        assertEquals(new HashSet<>(second).size(), b.size(), "the set added is left as it was");
    }
}
