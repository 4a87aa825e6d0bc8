package org.digestkg.storage.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.digestkg.storage.text.PaperNumbering;
import org.junit.jupiter.api.Test;

/** Counting matches per day by paper number, with papers listed on several days and papers the store does not list. */
class NumberedListingsTest {

    static final LocalDate D1 = LocalDate.of(2025, 3, 3);
    static final LocalDate D2 = LocalDate.of(2025, 3, 4);
    static final LocalDate D3 = LocalDate.of(2025, 3, 10);

    /** Papers a, b, c, d numbered 0..3 in IRI order, as the text index numbers them. */
    static final PaperNumbering NUMBERING = new PaperNumbering() {
        final List<String> iris = List.of("urn:a", "urn:b", "urn:c", "urn:d");

        @Override
        public int count() {
            return iris.size();
        }

        @Override
        public String iri(int number) {
            return iris.get(number);
        }
    };

    /** a on all three days, b on the second, c (no category) on the first and last; d has texts but no listing. */
    static final NumberedListings LISTINGS = NumberedListings.of(NUMBERING, "state-1", Map.of(
            "urn:a", new PaperListings.Listing(null, null, "cs.CL", List.of(D1, D2, D3)),
            "urn:b", new PaperListings.Listing(null, null, "cs.CV", List.of(D2)),
            "urn:c", new PaperListings.Listing(null, null, null, List.of(D1, D3)),
            "urn:e", new PaperListings.Listing(null, null, "cs.CL", List.of(D3))));

    @Test
    void aPaperCountsOnEachDayItWasListedWithinTheRange() {
        int[] all = {0, 1, 2, 3};
        assertEquals(List.of(new DayCount(D1, 2), new DayCount(D2, 2), new DayCount(D3, 2)),
                LISTINGS.perDay(all, null, null, null));
        assertEquals(List.of(new DayCount(D2, 2)), LISTINGS.perDay(all, null, D2, D2));
        assertEquals(List.of(new DayCount(D2, 2), new DayCount(D3, 2)),
                LISTINGS.perDay(all, null, D1.plusDays(1), null));
        assertEquals(List.of(new DayCount(D1, 2)), LISTINGS.perDay(all, null, null, D2.minusDays(1)));
        assertEquals(List.of(), LISTINGS.perDay(all, null, D3.plusDays(1), null));
        assertEquals(List.of(new DayCount(D1, 1), new DayCount(D3, 1)), LISTINGS.perDay(new int[] {2}, null, null, null));
    }

    @Test
    void aCategoryKeepsItsPapersOnly() {
        int[] all = {0, 1, 2, 3};
        assertEquals(List.of(new DayCount(D1, 1), new DayCount(D2, 1), new DayCount(D3, 1)),
                LISTINGS.perDay(all, "cs.cl", null, null));
        assertEquals(List.of(new DayCount(D2, 1)), LISTINGS.perDay(all, "cs.cv", null, null));
        assertEquals(List.of(), LISTINGS.perDay(all, "math.co", null, null));
    }

    @Test
    void theyAreForOneNumberingAndOneStateOfTheStore() {
        assertTrue(LISTINGS.isFor(NUMBERING, "state-1"));
        assertFalse(LISTINGS.isFor(NUMBERING, "state-2"));
        assertFalse(LISTINGS.isFor(new PaperNumbering() {
            @Override
            public int count() {
                return 4;
            }

            @Override
            public String iri(int number) {
                return NUMBERING.iri(number);
            }
        }, "state-1"));
    }
}
