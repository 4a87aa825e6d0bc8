package org.digestkg.explorer.web;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

import org.digestkg.explorer.service.DescriptionService;
import org.digestkg.explorer.service.Explorer;

/**
 * How every resource's URL answers ({@code /paper/...}, {@code /author/...}, {@code /digest/...},
 * {@code /category/...}): the IRI the path names; a 404 that helps when the store has no such resource; its
 * description in RDF when the client asks for RDF; else the page.
 */
final class ResourcePage {

    /** Answers with the resource's HTML page. */
    interface Html<T> {
        void write(Exchange x, T found) throws IOException;
    }

    /** Answers that the resource is not there, given the rest of the path after the kind's prefix. */
    interface Missing {
        void write(Exchange x, String rest) throws IOException;
    }

    private ResourcePage() {
    }

    static <T> void answer(Exchange x, Explorer explorer, DescriptionService.Kind kind, String prefix,
            Function<String, Optional<T>> find, Missing missing, Html<T> html) throws IOException {
        String iri = SitePaths.iri(x.path());
        LinkedData.Form form = LinkedData.negotiate(x.request());
        Optional<T> found = find.apply(iri);
        if (found.isEmpty()) {
            missing.write(x, x.path().substring(prefix.length()));
        } else if (form != LinkedData.Form.HTML) {
            LinkedData.write(x.response(), form, explorer.descriptions().describe(kind, iri));
        } else {
            html.write(x, found.get());
        }
    }
}
