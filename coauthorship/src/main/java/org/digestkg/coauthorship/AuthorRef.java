package org.digestkg.coauthorship;

import java.util.Objects;

/** One author node of the network: the author's IRI in the graph and the name printed for them. */
public record AuthorRef(String iri, String name) {

    public AuthorRef {
        Objects.requireNonNull(iri, "iri");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return name;
    }
}
