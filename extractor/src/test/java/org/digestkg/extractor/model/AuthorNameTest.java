package org.digestkg.extractor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorNameTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{index}] {0} / {1}")
    @CsvSource(delimiter = '|', value = {
            "Runjie Zhou          | RUNJIE ZHOU",
            "Runjie Zhou          | runjie zhou",
            "Bilge Kaan Görür     | Bilge Kaan Gorur",
            "Jean-Pierre Dupont   | Jean Pierre Dupont",
            "J. Smith             | J Smith",
            "Yann LeCun           | Yann Lecun",
            "Łukasz Kaiser        | Lukasz Kaiser",
            "Chen_Wei Zhang       | Chen Wei Zhang",
            "Mariia Gladkova*     | Mariia Gladkova",
            "José Ruiz            | Jose\u0301 Ruiz",
    })
    void printingsThatDifferOnlyByCaseDiacriticsInitialsOrHyphensAreOnePerson(String a, String b) {
        assertEquals(AuthorName.identity(a), AuthorName.identity(b));
        assertEquals(AuthorName.key(a), AuthorName.key(b));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "Runjie Zhou | Runjie Zhou",
            "Ana Silva   | Ana Silva",
            "Y. Charles  | Y. Charles",
            "张三         | 张三",
            "O'Brien Kelly | O'Brien Kelly",
    })
    void aNamePrintedPlainlyIsItsOwnIdentity(String printed, String identity) {
        assertEquals(identity, AuthorName.identity(printed));
    }

    @ParameterizedTest(name = "[{index}] {0} / {1}")
    @CsvSource(delimiter = '|', value = {
            "Jian Li     | Jiang Li",
            "A. Author   | B. Author",
            "がく         | かく",
    })
    void differentNamesStayDifferent(String a, String b) {
        assertNotEquals(AuthorName.identity(a), AuthorName.identity(b));
    }

    @Test
    void anAliasFileMergesWhatNoRuleSees() throws IOException {
        Path file = dir.resolve(AuthorAliases.FILE_NAME);
        Files.writeString(file, """
                # the name to show = other printings
                Yann LeCun = Y. Le Cun = Yann Le-Cun

                no equals sign here
                Ana Silva = Ana M. Silva
                Someone Else = ana m. silva
                """, StandardCharsets.UTF_8);
        AuthorAliases aliases = AuthorAliases.read(file, "author-aliases.txt");
        assertEquals("Yann LeCun", aliases.identity("Y. Le Cun"));
        assertEquals("Yann LeCun", aliases.identity("yann le cun"), "the printings of an alias are covered too");
        assertEquals("Yann LeCun", aliases.identity("Yann LeCun"));
        assertEquals("Ana Silva", aliases.identity("Ana M. Silva"));
        assertEquals("Bo Li", aliases.identity("Bo Li"), "a name with no alias is itself");
        assertEquals(List.of(
                "author-aliases.txt:4: no '=' between the name to show and its other printings; line skipped",
                "author-aliases.txt:6: 'ana m. silva' is already an alias on line 5; the first line counts"),
                aliases.problems().stream().map(Problem::toString).toList());
        assertTrue(AuthorAliases.NONE.isEmpty());
    }
}
