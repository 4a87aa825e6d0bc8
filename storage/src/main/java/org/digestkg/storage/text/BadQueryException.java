package org.digestkg.storage.text;

/** A search the query syntax cannot read; the message is one line, fit to show as it is. */
public final class BadQueryException extends IllegalArgumentException {

    public BadQueryException(String query, String reason) {
        super("cannot read the search '" + query + "': " + firstLine(reason), null);
    }

    /** Lucene's messages go on with "Was expecting one of: ..." over many lines; the first says what is wrong. */
    private static String firstLine(String reason) {
        String line = reason == null ? "syntax error" : reason.strip().split("\\R", 2)[0];
        // Lucene starts with "Cannot parse 'the query': ", which the message already says
        line = line.replaceFirst("^Cannot parse '.*?': ", "").strip();
        if (line.startsWith("Encountered \"<EOF>\"")) {
            return "it ends where more was expected (after AND, OR, NOT, a field name, or an open quote or bracket)";
        }
        return line;
    }
}
