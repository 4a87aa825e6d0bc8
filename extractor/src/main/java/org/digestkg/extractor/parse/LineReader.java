package org.digestkg.extractor.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Splits a UTF-8 byte stream into lines, telling apart what {@link java.io.BufferedReader} cannot:
 * <ul>
 * <li>bytes that are not UTF-8 are replaced by U+FFFD and the line is flagged {@code invalidUtf8} (a U+FFFD
 * written as valid UTF-8 is text, flagged {@code replacementChar});</li>
 * <li>a line longer than {@code maxChars} keeps only its first {@code maxChars} characters, and its real
 * {@code length} says so: memory per line is bounded whatever the file;</li>
 * <li>a byte-order mark at the very start is dropped; lines end at {@code \n}, {@code \r\n} or a lone
 * {@code \r}.</li>
 * </ul>
 * Streams in 64 KiB chunks; never holds more than one line plus one chunk.
 */
final class LineReader implements LineSource {

    /** Lines kept in memory, read again. */
    static LineSource replay(java.util.List<Line> lines) {
        java.util.Iterator<Line> it = lines.iterator();
        return () -> it.hasNext() ? it.next() : null;
    }

    /**
     * One line, without its terminator.
     *
     * @param number         1-based line number
     * @param text           the line, at most {@code maxChars} characters
     * @param length         the line's real length in characters; more than {@code text.length()} if cut
     * @param invalidUtf8    bytes on this line were not UTF-8 (each replaced by U+FFFD)
     * @param replacementChar the line holds a U+FFFD that was valid UTF-8 in the file
     * @param controlChar    the first C0 control character on the line other than tab and form feed, or 0
     */
    record Line(int number, String text, long length, boolean invalidUtf8, boolean replacementChar, char controlChar) {
        boolean isCut() {
            return length > text.length();
        }
    }

    private static final char BOM = '\uFEFF';
    private static final char REPLACEMENT = '\uFFFD';

    private final InputStream in;
    private final int maxChars;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);
    private final ArrayDeque<Line> ready = new ArrayDeque<>();

    private final StringBuilder current = new StringBuilder();
    private long length;
    private boolean invalid;
    private boolean replacement;
    private char control;
    private boolean afterCr;
    private boolean atStart = true;
    private int lineNo;
    private boolean inputDone;
    private boolean finished;

    LineReader(InputStream in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
        bytes.flip(); // empty, ready to be read from
    }

    /** The next line, or null at the end of the input. */
    @Override
    public Line next() throws IOException {
        while (ready.isEmpty() && !finished) {
            fill();
        }
        return ready.poll();
    }

    private void fill() throws IOException {
        if (!inputDone) {
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                inputDone = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
        // decode what is there; malformed bytes become one U+FFFD each run
        while (true) {
            CoderResult r = decoder.decode(bytes, chars, inputDone);
            drain();
            if (r.isError()) {
                bytes.position(bytes.position() + r.length());
                afterCr = false; // "\r", a bad byte, "\n": the "\n" ends the bad byte's line
                invalid = true;
                add(REPLACEMENT);
                continue;
            }
            if (r.isOverflow()) {
                continue;
            }
            break; // underflow: needs more bytes
        }
        if (inputDone) {
            decoder.flush(chars);
            drain();
            if (length > 0 || invalid) {
                endLine();
            }
            finished = true;
        }
    }

    /** Splits the decoded characters into lines; the characters of a line are appended in runs, not one by one. */
    private void drain() {
        chars.flip();
        char[] a = chars.array();
        int i = chars.position();
        int end = chars.limit();
        int run = i;
        while (i < end) {
            char c = a[i];
            if (c >= 0x20 && c != 0x7F && c != REPLACEMENT && c != BOM) {
                i++; // the common case: an ordinary character of the line
                continue;
            }
            append(a, run, i);
            if (afterCr && c == '\n') {
                afterCr = false;
            } else if (c == '\n') {
                afterCr = false;
                endLine();
            } else if (c == '\r') {
                endLine();
                afterCr = true;
            } else if (atStart && c == BOM) {
                atStart = false;
                afterCr = false;
            } else {
                afterCr = false;
                add(c);
            }
            i++;
            run = i;
        }
        append(a, run, end);
        chars.clear();
    }

    /** The ordinary characters {@code a[from, to)} of the current line. */
    private void append(char[] a, int from, int to) {
        if (from >= to) {
            return;
        }
        atStart = false;
        afterCr = false;
        int n = to - from;
        int room = (int) Math.max(0, Math.min(n, maxChars - (long) current.length()));
        if (room > 0) {
            current.append(a, from, room);
        }
        length += n;
    }

    /** One character that needs a look: a control character, U+FFFD, a byte-order mark inside the text. */
    private void add(char c) {
        atStart = false;
        if (c == REPLACEMENT && !invalid) {
            replacement = true;
        }
        if (c < 0x20 && c != '\t' && c != '\f' && control == 0) {
            control = c;
        } else if (c == 0x7F && control == 0) {
            control = c;
        }
        length++;
        if (current.length() < maxChars) {
            current.append(c);
        }
    }

    private void endLine() {
        atStart = false;
        lineNo++;
        ready.add(new Line(lineNo, current.toString(), length, invalid, replacement, control));
        current.setLength(0);
        if (current.capacity() > (1 << 20)) {
            current.trimToSize(); // give back what one huge line took
        }
        length = 0;
        invalid = false;
        replacement = false;
        control = 0;
    }
}
