package org.digestkg.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFolderYieldsItsDigestsAndRdfFilesSortedLeavingOutHiddenAndEditorFiles() throws IOException {
        for (String f : List.of("2026-02-05.md", "2026-02-04.markdown", "notes.txt", ".2026-02-06.md", "2026-02-07.md~",
                "#2026-02-08.md#", ".hidden/2026-02-09.md", "sub/kg.nq.gz", "sub/.kg.ttl", "sub/deeper/a.ttl")) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
        }
        assertEquals(List.of(dir.resolve("2026-02-04.markdown"), dir.resolve("2026-02-05.md"),
                dir.resolve("sub/deeper/a.ttl"), dir.resolve("sub/kg.nq.gz")), InputFiles.inFolder(dir));
    }

    @Test
    void linksAreFollowedToFilesAndFoldersButNotRoundALoopOrIntoNothing() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve(".elsewhere/fork"));
        Files.writeString(elsewhere.resolve("2026-02-04.md"), "x");
        Files.writeString(elsewhere.resolve("2026-02-05.md"), "x");
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.createSymbolicLink(in.resolve("2026-02-04.md"), elsewhere.resolve("2026-02-04.md"));
        Files.createSymbolicLink(in.resolve("fork"), elsewhere);
        Files.createSymbolicLink(in.resolve("2026-02-06.md"), dir.resolve("gone.md"));
        Files.createSymbolicLink(elsewhere.resolve("loop"), in);
        assertEquals(List.of(in.resolve("2026-02-04.md"), in.resolve("fork/2026-02-04.md"), in.resolve("fork/2026-02-05.md")),
                InputFiles.inFolder(in));
    }

    @Test
    void aFileIsAnInputByItsNameAlone() {
        assertTrue(InputFiles.isInput(Path.of("in/2026-02-04.md")));
        assertTrue(InputFiles.isInput(Path.of("in/kg.trig")));
        assertFalse(InputFiles.isInput(Path.of("in/.2026-02-04.md")), "hidden: a copy still being written");
        assertFalse(InputFiles.isInput(Path.of("in/2026-02-04.md.swp")));
        assertTrue(InputFiles.isImport(Path.of("kg.nq.gz")));
        assertFalse(InputFiles.isImport(Path.of("2026-02-04.md")));
    }

    @Test
    void aJsonlFileIsADigestOnlyWhereNoMarkdownBesideItOwnsIt() throws IOException {
        for (String f : List.of("2026-02-05.md", "2026-02-05_AI_enhanced_Chinese.jsonl",
                "2026-02-06_AI_enhanced_English.jsonl")) {
            Files.writeString(dir.resolve(f), "x");
        }
        assertEquals(List.of(dir.resolve("2026-02-05.md"), dir.resolve("2026-02-06_AI_enhanced_English.jsonl")),
                InputFiles.inFolder(dir), "the day's JSONL is read with its markdown; a day with only JSONL is a digest");
        assertFalse(InputFiles.isInput(dir.resolve("2026-02-05_AI_enhanced_Chinese.jsonl")),
                "a watched folder does not load a markdown's JSONL as a day of its own");
        assertTrue(InputFiles.isInput(dir.resolve("2026-02-06_AI_enhanced_English.jsonl")));
    }
}
