package org.digestkg.extractor.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineReaderTest {

    private static List<LineReader.Line> read(byte[] bytes, int max) throws IOException {
        return read(new ByteArrayInputStream(bytes), max);
    }

    private static List<LineReader.Line> read(InputStream in, int max) throws IOException {
        LineReader r = new LineReader(in, max);
        List<LineReader.Line> lines = new ArrayList<>();
        for (LineReader.Line l; (l = r.next()) != null; ) {
            lines.add(l);
        }
        return lines;
    }

    private static List<String> texts(String s) throws IOException {
        return read(s.getBytes(StandardCharsets.UTF_8), 100).stream().map(LineReader.Line::text).toList();
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.writeBytes((byte[]) p);
            }
        }
        return out.toByteArray();
    }

    @Test
    void lineEndsAsReadLineHasThem() throws IOException {
        assertEquals(List.of(), texts(""));
        assertEquals(List.of("a"), texts("a"));
        assertEquals(List.of("a"), texts("a\n"));
        assertEquals(List.of("a", ""), texts("a\n\n"));
        assertEquals(List.of("a", "b", "c", "", "d"), texts("a\r\nb\rc\n\r\nd"));
        assertEquals(List.of("", ""), texts("\r\r"));
        assertEquals(List.of(""), texts("\r\n"));
    }

    @Test
    void byteOrderMarkOnlyAtTheVeryStart() throws IOException {
        assertEquals(List.of("a", "\uFEFFb"), texts("\uFEFFa\n\uFEFFb"));
        assertEquals(List.of(), texts("\uFEFF"));
    }

    @Test
    void lineNumbersCount() throws IOException {
        List<LineReader.Line> lines = read(bytes("a\r\nb\rc\n"), 100);
        assertEquals(List.of(1, 2, 3), lines.stream().map(LineReader.Line::number).toList());
    }

    @Test
    void invalidBytesAreFlaggedOnTheirOwnLine() throws IOException {
        List<LineReader.Line> lines = read(bytes("ok\n", new byte[] {'x', (byte) 0xFF}, "\nok\n"), 100);
        assertEquals(List.of(false, true, false), lines.stream().map(LineReader.Line::invalidUtf8).toList());
        assertEquals("x\uFFFD", lines.get(1).text());
        assertFalse(lines.get(1).replacementChar());
    }

    /** Found by the fuzzer: the LF after "CR, bad byte" once ended nothing, gluing two lines together. */
    @Test
    void carriageReturnThenInvalidByteThenNewline() throws IOException {
        List<LineReader.Line> lines = read(bytes("a\r", new byte[] {(byte) 0xFF}, "\n<details>\n"), 100);
        assertEquals(List.of("a", "\uFFFD", "<details>"), lines.stream().map(LineReader.Line::text).toList());
        assertEquals(List.of(false, true, false), lines.stream().map(LineReader.Line::invalidUtf8).toList());
    }

    @Test
    void aValidReplacementCharacterIsNotInvalid() throws IOException {
        LineReader.Line l = read(bytes("a\uFFFDb"), 100).get(0);
        assertFalse(l.invalidUtf8());
        assertTrue(l.replacementChar());
    }

    @Test
    void sequenceCutByTheEndOfTheFile() throws IOException {
        List<LineReader.Line> lines = read(bytes("a\n中", new byte[] {(byte) 0xE4, (byte) 0xB8}), 100);
        assertEquals("中\uFFFD", lines.get(1).text());
        assertTrue(lines.get(1).invalidUtf8());
    }

    @Test
    void controlCharacterFlagged() throws IOException {
        List<LineReader.Line> lines = read(bytes("tab\tand form\f feed\nbell\u0007\n"), 100);
        assertEquals(0, lines.get(0).controlChar());
        assertEquals('\u0007', lines.get(1).controlChar());
    }

    @Test
    void longLinesAreCutButMeasured() throws IOException {
        List<LineReader.Line> lines = read(bytes("x".repeat(250), "\nshort\n"), 100);
        assertEquals(100, lines.get(0).text().length());
        assertEquals(250, lines.get(0).length());
        assertTrue(lines.get(0).isCut());
        assertEquals("short", lines.get(1).text());
        assertFalse(lines.get(1).isCut());
    }

    /** CRLF pairs and multi-byte characters that straddle the 64 KiB read chunks. */
    @ParameterizedTest
    @ValueSource(ints = {65535, 65534, 65533, 65536})
    void chunkBoundaries(int before) throws IOException {
        String head = "a".repeat(before);
        byte[] data = bytes(head, "\r\n中文\r\n", "é\n");
        // a stream that hands out one byte at a time at the boundary would be slower; this one hands out small reads
        InputStream trickle = new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 4093));
            }
        };
        for (InputStream in : List.of(new ByteArrayInputStream(data), trickle)) {
            List<LineReader.Line> lines = read(in, 1 << 20);
            assertEquals(List.of(head, "中文", "é"), lines.stream().map(LineReader.Line::text).toList());
            lines.forEach(l -> assertFalse(l.invalidUtf8()));
        }
    }
}
