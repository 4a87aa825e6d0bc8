package org.digestkg.coauthorship;

import java.util.List;

/** No author has the name, not even ignoring case and accents. */
public final class UnknownAuthorException extends AuthorNameException {

    private static final long serialVersionUID = 1L;

    public UnknownAuthorException(String query, List<String> suggestions) {
        super(query, suggestions, message(query, suggestions));
    }

    private static String message(String query, List<String> suggestions) {
        if (suggestions.isEmpty()) {
            return "No author named \"" + query + "\", and no similar names.";
        }
        return "No author named \"" + query + "\". Closest names: " + String.join("; ", suggestions) + ".";
    }
}
