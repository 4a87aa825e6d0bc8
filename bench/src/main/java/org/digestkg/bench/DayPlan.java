package org.digestkg.bench;

import java.time.LocalDate;
import java.util.List;

/** Who is listed in one digest, section by section, before any text is written. */
record DayPlan(LocalDate date, List<Section> sections) {

    record Section(String category, List<Listing> listings) {
    }

    int size() {
        return sections.stream().mapToInt(s -> s.listings().size()).sum();
    }
}
