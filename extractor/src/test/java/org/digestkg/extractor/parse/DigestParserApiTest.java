package org.digestkg.extractor.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestParserApiTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2026-02-04.md, 2026-02-04",
            "digest-2026-02-23.md, 2026-02-23",
            "data/2025-12-31-cs.md, 2025-12-31",
            "2026-13-01_then_2026-01-02.md, 2026-01-02",
    })
    void dateFromFileName(String name, LocalDate expected) {
        assertEquals(Optional.of(expected), DigestParser.dateFromFileName(Path.of(name)));
    }

    @Test
    void noDateInFileName() {
        assertEquals(Optional.empty(), DigestParser.dateFromFileName(Path.of("digest.md")));
        assertEquals(Optional.empty(), DigestParser.dateFromFileName(Path.of("2026-02-30.md")));
        assertEquals(Optional.empty(), DigestParser.dateFromFileName(Path.of("12026-02-04.md")));
        assertEquals(Optional.empty(), DigestParser.dateFromFileName(Path.of("2026-02-04/digest.md")));
    }

    @Test
    void buildWithoutDateNamesTheFileAndNoCommandLineFlag() {
        DigestException e = assertThrows(DigestException.class,
                () -> DigestParser.create().source(Path.of("some/today.md")).build());
        assertTrue(e.getMessage().contains("some/today.md".replace('/', java.io.File.separatorChar)), e.getMessage());
        assertTrue(e.getMessage().contains("no date"), e.getMessage());
        assertTrue(!e.getMessage().contains("--"), "a library message names no command-line flag: " + e.getMessage());
    }

    @Test
    void givenDateAndSourceNameWin() throws IOException {
        Path file = tmp.resolve("2026-02-04.md");
        Files.writeString(file, "### [1] [T](https://arxiv.org/abs/2602.00001)\n\nMain category: cs.CL\n");
        RecordingSink sink = new RecordingSink();
        DigestParser.create().source(file).date(LocalDate.of(2020, 1, 2)).sourceName("upload.md").build().parse(sink);
        assertEquals(LocalDate.of(2020, 1, 2), sink.digest.date());
        assertEquals("upload.md", sink.digest.source());
        assertEquals(List.of("upload.md:1: entry has no author line (*A,B,...*)"),
                sink.rejected.stream().map(Object::toString).toList());
        assertEquals(List.of("start", "template", "rejected upload.md:1: entry has no author line (*A,B,...*)", "finish"), sink.events);
    }

    @Test
    void missingFileIsADigestExceptionAndNothingIsSent() {
        Path missing = tmp.resolve("2026-02-04.md");
        RecordingSink sink = new RecordingSink();
        DigestException e = assertThrows(DigestException.class, () -> DigestParser.parse(missing, sink));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
        assertEquals(List.of(), sink.events);
    }

    @Test
    void directoryIsADigestException() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("2026-02-04.md"));
        DigestException e = assertThrows(DigestException.class, () -> DigestParser.parse(dir, new RecordingSink()));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void emptyFileIsAnEmptyDigest() throws IOException {
        Path file = Files.writeString(tmp.resolve("2026-02-04.md"), "");
        RecordingSink sink = new RecordingSink();
        DigestParser.parse(file, sink);
        assertEquals(List.of("start", "template", "finish"), sink.events);
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", sink.digest.sha256());
    }

    @Test
    void invalidUtf8IsReportedAtItsLine() throws IOException {
        Path file = tmp.resolve("2026-02-04.md");
        byte[] head = "### [1] [T](https://arxiv.org/abs/2602.00001)\n*A*\n\nMain category: cs.CL\nTL;DR: bad ".getBytes();
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3;
        bytes[head.length + 1] = '\n';
        Files.write(file, bytes);
        RecordingSink sink = new RecordingSink();
        DigestParser.parse(file, sink);
        assertEquals(1, sink.papers.size());
        assertEquals(List.of(5), sink.warnings.stream().map(w -> w.line()).toList());
    }
}
