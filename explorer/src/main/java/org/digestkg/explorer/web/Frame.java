package org.digestkg.explorer.web;

import java.util.List;

/**
 * What the frame around every page needs: its title, its path, the other forms of the same resource (Turtle,
 * JSON-LD, ...) and its Atom feed, to link from the page's head and foot.
 *
 * @param feed the path of the page's Atom feed, or null
 */
public record Frame(String title, String path, List<Alternate> alternates, String feed) {

    public Frame {
        alternates = List.copyOf(alternates);
    }

    public static Frame of(String title, String path) {
        return new Frame(title, path, List.of(), null);
    }

    /** This page's resource in RDF: the same path with {@code ?format=}, and the Accept header that asks for it. */
    public Frame withRdf() {
        return new Frame(title, path, LinkedData.alternates(path), feed);
    }

    public Frame withFeed(String feedPath) {
        return new Frame(title, path, alternates, feedPath);
    }

    /** Another form of the page: a media type, a short label, a link. */
    public record Alternate(String type, String label, String href) {
    }
}
