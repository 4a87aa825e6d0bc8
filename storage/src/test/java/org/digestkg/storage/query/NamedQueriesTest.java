package org.digestkg.storage.query;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

class NamedQueriesTest {

    @Test
    void everyShippedQueryParsesAndHasAHeader() {
        var names = NamedQueries.names();
        assertTrue(names.containsAll(java.util.List.of("papers", "authorships", "paper-text", "stats")), names.toString());
        for (String name : names) {
            String text = NamedQueries.load(name);
            assertTrue(text.startsWith("# " + name), name + ".rq starts with a header comment naming it");
            assertTrue(text.contains("Example:"), name + ".rq shows an example");
            QueryFactory.create(text);
        }
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> NamedQueries.load("no-such-query"));
        assertTrue(e.getMessage().contains("papers"), e.getMessage());
    }
}
