package org.digestkg.extractor.parse;

/**
 * A digest file that cannot be read at all (missing, unreadable, no known date, not a text file). It is thrown
 * before any event reaches the sink. Problems inside a text file never raise this: they reach the
 * {@link DigestSink} as warnings or rejected entries. The message names the file.
 */
public class DigestException extends RuntimeException {

    public DigestException(String message) {
        super(message);
    }

    public DigestException(String message, Throwable cause) {
        super(message, cause);
    }
}
