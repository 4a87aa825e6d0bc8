package org.digestkg.coauthorship;

import java.util.List;

/** Several authors match the name once case and accents are ignored, and none matches it exactly. */
public final class AmbiguousAuthorException extends AuthorNameException {

    private static final long serialVersionUID = 1L;

    public AmbiguousAuthorException(String query, List<String> matches) {
        super(query, matches, "\"" + query + "\" matches " + matches.size()
                + " authors whose names differ only in case or accents: " + String.join("; ", matches)
                + ". Give the name exactly as written.");
    }
}
