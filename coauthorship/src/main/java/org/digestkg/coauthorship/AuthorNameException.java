package org.digestkg.coauthorship;

import java.util.List;

/**
 * A name given on the command line (or to the API) that does not pick out exactly one author. The message is
 * meant for the user as it is: it names the query and the closest or competing names.
 */
public abstract sealed class AuthorNameException extends RuntimeException
        permits UnknownAuthorException, AmbiguousAuthorException {

    private static final long serialVersionUID = 1L;

    private final String query;
    private final List<String> candidates;

    AuthorNameException(String query, List<String> candidates, String message) {
        super(message);
        this.query = query;
        this.candidates = List.copyOf(candidates);
    }

    /** The name as it was asked for. */
    public String query() {
        return query;
    }

    /** For an unknown name, the closest names (best first, possibly none); for an ambiguous one, every match. */
    public List<String> candidates() {
        return candidates;
    }
}
