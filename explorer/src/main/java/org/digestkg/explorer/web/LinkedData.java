package org.digestkg.explorer.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;

/**
 * Content negotiation on the resources' pages: the URL of a paper, author, digest or category answers HTML to a
 * browser and the resource's description in RDF to a client that asks for Turtle, N-Triples, JSON-LD or RDF/XML
 * (by {@code Accept}, or by {@code ?format=ttl|nt|jsonld|rdf} for a link a person can click).
 */
final class LinkedData {

    /** The forms a resource's URL offers; the first is what a client gets that does not say. */
    enum Form {
        HTML("text/html", null, null, "HTML"),
        TURTLE("text/turtle", "ttl", RDFFormat.TURTLE_PRETTY, "Turtle"),
        NTRIPLES("application/n-triples", "nt", RDFFormat.NTRIPLES, "N-Triples"),
        JSONLD("application/ld+json", "jsonld", RDFFormat.JSONLD_PRETTY, "JSON-LD"),
        RDFXML("application/rdf+xml", "rdf", RDFFormat.RDFXML_PRETTY, "RDF/XML");

        final String mediaType;
        final String parameter;
        final RDFFormat format;
        final String label;

        Form(String mediaType, String parameter, RDFFormat format, String label) {
            this.mediaType = mediaType;
            this.parameter = parameter;
            this.format = format;
            this.label = label;
        }

        Lang lang() {
            return format.getLang();
        }
    }

    private static final AcceptList OFFERED;

    static {
        List<String> types = new ArrayList<>();
        for (Form f : Form.values()) {
            types.add(f.mediaType);
        }
        types.add("application/xhtml+xml");   // a browser asking for XHTML gets the HTML page
        OFFERED = AcceptList.create(types.toArray(String[]::new));
    }

    private LinkedData() {
    }

    /**
     * The form a request asks for: {@code ?format=} first, then the Accept header; HTML when it says nothing.
     *
     * @throws BadRequest for an unknown {@code ?format=}
     */
    static Form negotiate(HttpServletRequest req) {
        String format = req.getParameter("format");
        if (format != null) {
            String f = format.strip().toLowerCase(Locale.ROOT);
            for (Form form : Form.values()) {
                if (f.equals(form.parameter) || f.equals(form.mediaType) || (form == Form.HTML && f.equals("html"))) {
                    return form;
                }
            }
            throw new BadRequest("format is one of html, ttl, nt, jsonld, rdf");
        }
        String accept = req.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return Form.HTML;
        }
        MediaType chosen;
        try {
            chosen = AcceptList.match(new AcceptList(accept), OFFERED);
        } catch (RuntimeException e) {
            return Form.HTML;   // an Accept header Jena cannot read: answer the page
        }
        if (chosen == null) {
            return Form.HTML;
        }
        String type = chosen.getContentTypeStr();
        for (Form form : Form.values()) {
            if (form.mediaType.equals(type)) {
                return form;
            }
        }
        return Form.HTML;
    }

    /** Writes the description in the form asked for. */
    static void write(HttpServletResponse resp, Form form, Graph description) throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(form.mediaType + ";charset=utf-8");
        resp.setHeader("Vary", "Accept");
        try (OutputStream out = resp.getOutputStream()) {
            RDFDataMgr.write(out, description, form.format);
        }
    }

    /** The RDF forms of the page at {@code path}, for the page's links. */
    static List<Frame.Alternate> alternates(String path) {
        List<Frame.Alternate> out = new ArrayList<>();
        for (Form f : Form.values()) {
            if (f != Form.HTML) {
                out.add(new Frame.Alternate(f.mediaType, f.label, path + "?format=" + f.parameter));
            }
        }
        return out;
    }
}
