package org.digestkg.extractor.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.jena.irix.IRIx;
import org.junit.jupiter.api.Test;

class IrisTest {

    @Test
    void webPageKeepsAWellFormedUrl() {
        String url = "https://example.org/a/b?x=1&y=%20#frag";
        assertEquals(url, Iris.webPage(url).getURI());
    }

    @Test
    void webPageEncodesWhatAnIriCannotHold() {
        String iri = Iris.webPage(" https://example.org/a b<c>{d}|e^f`g\"h\\ ").getURI();
        assertEquals("https://example.org/a%20b%3Cc%3E%7Bd%7D%7Ce%5Ef%60g%22h%5C", iri);
        IRIx.create(iri);   // throws if not a valid IRI
    }

    @Test
    void webPageKeepsLettersOfAnyScript() {
        assertEquals("https://例え.jp/論文", Iris.webPage("https://例え.jp/論文").getURI());
    }
}
