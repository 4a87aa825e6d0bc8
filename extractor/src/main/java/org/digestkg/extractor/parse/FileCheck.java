package org.digestkg.extractor.parse;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One pass over a file's bytes before it is parsed: its SHA-256, and whether it is text at all. A digest is
 * UTF-8 text; a file is refused as "not a text file" when
 * <ul>
 * <li>it holds a NUL byte anywhere (no text file does; binary files nearly always do),</li>
 * <li>it starts with a UTF-16 or UTF-32 byte-order mark, or</li>
 * <li>more than {@value #MAX_CONTROL_PERCENT}% of its first {@value #SAMPLE} bytes are control characters, or
 * more than {@value #MAX_INVALID_PERCENT}% are not UTF-8 (a binary format, or text in another encoding).</li>
 * </ul>
 * A few bad bytes in a text file are not refused here: the reader replaces them and warns at their line.
 */
final class FileCheck {

    static final int SAMPLE = 1 << 16;
    static final int MAX_CONTROL_PERCENT = 10;
    static final int MAX_INVALID_PERCENT = 30;

    private final MessageDigest sha;
    private final byte[] sample = new byte[SAMPLE];
    private int sampled;
    private long size;
    private long newlines;
    private long firstNulLine;
    private int headingState;
    private boolean linkHeadings;
    private static final int[] BOM = {0xEF, 0xBB, 0xBF};
    private static final int IN_BOM = 99;

    private FileCheck() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** A check fed by {@link #checking(InputStream)}: the bytes are checked as something else reads them. */
    static FileCheck create() {
        return new FileCheck();
    }

    /** {@code in}, with every byte read through it checked and hashed here. */
    InputStream checking(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    update(new byte[]{(byte) b}, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                if (n > 0) {
                    if (off == 0) {
                        update(buffer, n);
                    } else {
                        update(java.util.Arrays.copyOfRange(buffer, off, off + n), n);
                    }
                }
                return n;
            }
        };
    }

    /** Reads {@code in} to its end. */
    static FileCheck of(InputStream in) throws IOException {
        FileCheck check = new FileCheck();
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            check.update(buffer, n);
        }
        return check;
    }

    private void update(byte[] buffer, int n) {
        sha.update(buffer, 0, n);
        int take = Math.min(n, SAMPLE - sampled);
        if (take > 0) {
            System.arraycopy(buffer, 0, sample, sampled, take);
            sampled += take;
        }
        for (int i = 0; i < n; i++) {
            byte b = buffer[i];
            if (b == '\n') {
                newlines++;
            } else if (b == 0 && firstNulLine == 0) {
                firstNulLine = newlines + 1;
            }
            heading(b, size + i);
        }
        size += n;
    }

    /**
     * Follows "### [" at the start of a line ({@code ###}, spaces or tabs, {@code [}) and then "](" on that line, a
     * title link: state 0 to 2 count the {@code #}, 3 wants a space, 4 more spaces or the bracket, 5 looks for a
     * {@code ]}, 6 for the {@code (} right after it; -1 until the next line.
     */
    private void heading(byte b, long at) {
        if (linkHeadings) {
            return;
        }
        if (b == '\n' || b == '\r') {
            headingState = 0;
        } else if (at < 3 && (b & 0xFF) == BOM[(int) at] && headingState == (at == 0 ? 0 : IN_BOM)) {
            headingState = at == 2 ? 0 : IN_BOM; // a byte-order mark at the very start is no part of the line
        } else if (headingState < 0 || headingState == IN_BOM) {
            headingState = -1;
        } else if (headingState < 3) {
            headingState = b == '#' ? headingState + 1 : -1;
        } else if (headingState == 5) {
            headingState = b == ']' ? 6 : 5;
        } else if (headingState == 6) {
            if (b == '(') {
                linkHeadings = true;
            }
            headingState = b == ']' ? 6 : 5;
        } else if (b == ' ' || b == '\t') {
            headingState = 4;
        } else if (headingState == 4 && b == '[') {
            headingState = 5;
        } else {
            headingState = -1;
        }
    }

    /**
     * Whether some line starts with {@code ### [} and holds a link: the entries are headed by their title links (the
     * generator's template). A digest without any is headed by titles alone ({@code ### Title},
     * {@code ### [Re] Title}).
     */
    boolean linkHeadings() {
        return linkHeadings;
    }

    /** Adds a second file's bytes to the hash only (a digest's JSONL, which is checked apart). */
    void hashAlso(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            sha.update(buffer, 0, n);
        }
    }

    String sha256() {
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Why the file is not a text file, or empty if it is one. */
    Optional<String> notText() {
        if (startsWith(0xFF, 0xFE) || startsWith(0xFE, 0xFF)) {
            return Optional.of("it starts with a UTF-16 byte-order mark; save it as UTF-8");
        }
        if (firstNulLine > 0) {
            return Optional.of("it holds NUL bytes (first at line " + firstNulLine + "): binary data?");
        }
        if (sampled == 0) {
            return Optional.empty();
        }
        int control = 0;
        for (int i = 0; i < sampled; i++) {
            int b = sample[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B || b == 0x7F) {
                control++;
            }
        }
        if (control * 100L > (long) MAX_CONTROL_PERCENT * sampled) {
            return Optional.of(percent(control) + " of its first " + sampled + " bytes are control characters: binary data?");
        }
        int invalid = invalidUtf8(sample, sampled, sampled < size);
        if (invalid * 100L > (long) MAX_INVALID_PERCENT * sampled) {
            return Optional.of(percent(invalid) + " of its first " + sampled
                    + " bytes are not UTF-8: binary data, or text in another encoding (save it as UTF-8)");
        }
        return Optional.empty();
    }

    private String percent(int count) {
        return (count * 100L / sampled) + "%";
    }

    private boolean startsWith(int b0, int b1) {
        return sampled >= 2 && (sample[0] & 0xFF) == b0 && (sample[1] & 0xFF) == b1;
    }

    /** Bytes that are no part of a well-formed UTF-8 sequence; a sequence cut by the end of a sample is fine. */
    static int invalidUtf8(byte[] b, int n, boolean cut) {
        int bad = 0;
        int i = 0;
        while (i < n) {
            int c = b[i] & 0xFF;
            int len;
            int min;
            if (c < 0x80) {
                i++;
                continue;
            } else if (c >= 0xC2 && c <= 0xDF) {
                len = 2;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                len = 3;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                len = 4;
                min = 0x10000;
            } else {
                bad++;
                i++;
                continue;
            }
            if (i + len > n) {
                if (!cut) {
                    bad += n - i;
                }
                break;
            }
            int cp = c & (0xFF >> (len + 1));
            boolean ok = true;
            for (int k = 1; k < len; k++) {
                int x = b[i + k] & 0xFF;
                if ((x & 0xC0) != 0x80) {
                    ok = false;
                    break;
                }
                cp = (cp << 6) | (x & 0x3F);
            }
            if (!ok || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                bad++;
                i++;
            } else {
                i += len;
            }
        }
        return bad;
    }
}
