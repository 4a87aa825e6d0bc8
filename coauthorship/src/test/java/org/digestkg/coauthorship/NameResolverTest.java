package org.digestkg.coauthorship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;

import org.digestkg.storage.GraphStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact first, then case- and accent-insensitive; ambiguity and unknown names explained, with suggestions. */
class NameResolverTest {

    @TempDir
    static Path dir;
    static GraphStore store;
    static NameResolver names;

    @BeforeAll
    static void load() {
        store = TestWorld.smallWorld(dir);
        names = new NameResolver(CoauthorGraph.load(store));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void exactName() {
        AuthorRef alice = names.resolve("Alice Archer");
        assertEquals("Alice Archer", alice.name());
        assertEquals("https://w3id.org/digest-kg/author/Alice_Archer", alice.iri());
    }

    @Test
    void exactNameAfterTheExtractorsNormalisation() {
        assertEquals("Alice Archer", names.resolve("  Alice   Archer ").name());
        assertEquals("Alice Archer", names.resolve("Alice_Archer").name());
        // decomposed é and ü (NFD) are the same name as the stored NFC one
        assertEquals("José Müller", names.resolve(Normalizer.normalize("José Müller", Normalizer.Form.NFD)).name());
    }

    @Test
    void caseInsensitive() {
        assertEquals("Alice Archer", names.resolve("alice archer").name());
        assertEquals("Dan Dubois", names.resolve("DAN DUBOIS").name());
    }

    @Test
    void accentInsensitive() {
        assertEquals("José Müller", names.resolve("Jose Muller").name());
        assertEquals("José Müller", names.resolve("jose muller").name());
    }

    @Test
    void exactMatchWinsOverCaseTwin() {
        assertEquals("https://w3id.org/digest-kg/author/Wei_Wang", names.resolve("Wei Wang").iri());
        assertEquals("https://w3id.org/digest-kg/author/Wei_WANG", names.resolve("Wei WANG").iri());
    }

    @Test
    void caseTwinsAreAmbiguousForALowerCaseQuery() {
        AmbiguousAuthorException e = assertThrows(AmbiguousAuthorException.class, () -> names.resolve("wei wang"));
        assertEquals(List.of("Wei WANG", "Wei Wang"), e.candidates());
        assertEquals("wei wang", e.query());
        assertTrue(e.getMessage().contains("\"wei wang\" matches 2 authors"), e.getMessage());
        assertTrue(e.getMessage().contains("Wei WANG; Wei Wang"), e.getMessage());
    }

    @Test
    void unknownNameSuggestsTheClosest() {
        UnknownAuthorException e = assertThrows(UnknownAuthorException.class, () -> names.resolve("Alice Archr"));
        assertEquals("Alice Archer", e.candidates().get(0));
        assertTrue(e.candidates().size() <= 5);
        assertTrue(e.getMessage().startsWith("No author named \"Alice Archr\". Closest names: Alice Archer"),
                e.getMessage());
    }

    @Test
    void suggestionsFindReorderedNamesAndInitials() {
        assertEquals("Carol Chen", names.suggestions("Chen Carol").get(0));
        assertEquals("Frank Fischer", names.suggestions("F. Fischer").get(0));
        // both case twins are offered for a misspelling of either
        assertEquals(List.of("Wei WANG", "Wei Wang"), names.suggestions("Wei Wamg").subList(0, 2));
    }

    @Test
    void unknownNameWithNothingClose() {
        UnknownAuthorException e = assertThrows(UnknownAuthorException.class,
                () -> names.resolve("Zzyzx Qwertyuiop"));
        assertEquals(List.of(), e.candidates());
        assertEquals("No author named \"Zzyzx Qwertyuiop\", and no similar names.", e.getMessage());
    }

    @Test
    void foldingRemovesCaseAccentsAndSpecialLetters() {
        assertEquals("jose muller", NameResolver.fold("José  Müller"));
        assertEquals("soren lukasz", NameResolver.fold("Søren Łukasz"));
        assertEquals("strasse", NameResolver.fold("Straße"));
    }
}
