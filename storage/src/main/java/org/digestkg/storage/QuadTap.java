package org.digestkg.storage;

import java.util.Collection;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/**
 * Sees the quads a {@link DigestLoader} writes, as it writes them, for a reader that would otherwise read them back
 * from the store (the co-authorship network after a first build). Told when the loader changed the store in a way
 * the quads shown do not tell: then what it saw is not the whole change.
 */
public interface QuadTap {

    /** Shown nothing, told nothing. */
    QuadTap NONE = new QuadTap() {
        @Override
        public void quad(Quad quad) {
        }

        @Override
        public void settled(Collection<Node> papers) {
        }

        @Override
        public void missed() {
        }
    };

    /** A quad written, in a transaction not yet committed. */
    void quad(Quad quad);

    /** The listings of these papers already in the store were brought in line: their facts changed beyond the quads shown. */
    void settled(Collection<Node> papers);

    /** The store changed beyond the quads shown in ways not told (a digest loaded another way, a load undone). */
    void missed();
}
