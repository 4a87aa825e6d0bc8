package org.digestkg.explorer.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

import org.digestkg.extractor.rdf.DKG;

/**
 * The one rule tying the explorer's URLs to the graph's IRIs: a page's path is its resource's IRI with the
 * graph's base ({@code https://w3id.org/digest-kg/}) replaced by this server, so
 * {@code https://w3id.org/digest-kg/paper/2602.02537} is {@code /paper/2602.02537}. Pages never build an IRI's
 * form themselves: they take IRIs from the store and turn them into paths here, and turn request paths back
 * into IRIs here.
 *
 * <p>IRIs may hold letters of any script ({@code author/José_Müller}); in a URL those travel percent-encoded as
 * UTF-8. The mapping is the standard IRI-to-URI one (RFC 3987, 3.1 and 3.2) applied to the path: characters
 * beyond ASCII are encoded one way and decoded the other; escapes of ASCII characters ({@code %27}) stay as the
 * IRI holds them.
 */
public final class SitePaths {

    public static final String BASE = DKG.BASE;

    private SitePaths() {
    }

    /** The local path of a graph IRI ({@code /author/Jos%C3%A9_M%C3%BCller}), or null for an IRI from elsewhere. */
    public static String path(String iri) {
        if (iri == null || !iri.startsWith(BASE) || iri.length() == BASE.length()) {
            return null;
        }
        return "/" + toUri(iri.substring(BASE.length()));
    }

    /** The graph IRI a raw (still percent-encoded) request path names: {@code /paper/2602.02537} gives the paper. */
    public static String iri(String rawPath) {
        String p = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        return BASE + toIri(p);
    }

    /** Percent-encodes, as UTF-8, every character an URI may not hold: beyond ASCII, controls and spaces. */
    static String toUri(String iriPart) {
        StringBuilder b = new StringBuilder(iriPart.length() + 16);
        for (byte x : iriPart.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if (c > 0x20 && c < 0x7F && "<>\"{}|\\^`".indexOf(c) < 0) {
                b.append((char) c);
            } else {
                b.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return b.toString();
    }

    /**
     * Decodes the escapes that stand for characters beyond ASCII (valid UTF-8 only); ASCII escapes are kept, with
     * upper-case hex digits as IRIs are written. Anything that is not a well-formed escape is left as it is.
     */
    static String toIri(String uriPart) {
        StringBuilder out = new StringBuilder(uriPart.length());
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        StringBuilder runText = new StringBuilder();
        int i = 0;
        while (i < uriPart.length()) {
            char c = uriPart.charAt(i);
            if (c == '%' && i + 2 < uriPart.length() && hex(uriPart.charAt(i + 1)) >= 0
                    && hex(uriPart.charAt(i + 2)) >= 0) {
                int v = hex(uriPart.charAt(i + 1)) * 16 + hex(uriPart.charAt(i + 2));
                if (v < 0x80) {
                    flush(run, runText, out);
                    out.append('%').append(HEX[v >> 4]).append(HEX[v & 0xF]);
                } else {
                    run.write(v);
                    runText.append('%').append(HEX[v >> 4]).append(HEX[v & 0xF]);
                }
                i += 3;
            } else {
                flush(run, runText, out);
                out.append(c);
                i++;
            }
        }
        flush(run, runText, out);
        return out.toString();
    }

    /** A run of escaped bytes: the characters they encode when they are UTF-8, else the escapes themselves. */
    private static void flush(ByteArrayOutputStream run, StringBuilder runText, StringBuilder out) {
        if (run.size() == 0) {
            return;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(run.toByteArray())));
        } catch (CharacterCodingException e) {
            out.append(runText);
        }
        run.reset();
        runText.setLength(0);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
