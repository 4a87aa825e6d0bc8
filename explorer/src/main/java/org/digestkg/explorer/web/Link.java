package org.digestkg.explorer.web;

/** A link a page shows: what it says, where it goes, and an optional note after it. */
public record Link(String label, String href, String note) {

    public static Link to(String label, String href) {
        return new Link(label, href, null);
    }
}
