package org.digestkg.explorer.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.digestkg.explorer.service.Listing;

/**
 * An Atom feed (RFC 4287) of listings, newest first, written with the JDK's XML writer, which escapes every
 * value: a feed reader follows a category or an author day by day. Each entry is one listing — a paper listed
 * again is news again — identified by its listing's IRI.
 */
final class AtomFeed {

    static final String CONTENT_TYPE = "application/atom+xml;charset=utf-8";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    /**
     * @param site   the server's base URL ({@code http://127.0.0.1:3030}), for the absolute links Atom wants
     * @param self   the feed's path; {@code page} the page it follows
     */
    static void write(OutputStream out, String site, String title, String self, String page, List<Listing> listings)
            throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            element(x, "id", site + self);
            element(x, "title", title);
            element(x, "updated", timestamp(listings.isEmpty() ? null : listings.get(0).date()));
            link(x, "self", site + self, "application/atom+xml");
            link(x, "alternate", site + page, "text/html");
            x.writeStartElement("author");
            element(x, "name", "digest-kg");
            x.writeEndElement();
            element(x, "generator", "digest-kg explorer");
            for (Listing l : listings) {
                x.writeStartElement("entry");
                element(x, "id", l.appearance());
                element(x, "title", l.title() == null ? (l.arxivId() == null ? l.paper() : l.arxivId()) : l.title());
                element(x, "updated", timestamp(l.date()));
                String paper = SitePaths.path(l.paper());
                if (paper != null) {
                    link(x, "alternate", site + paper, "text/html");
                }
                if (l.arxivId() != null) {
                    link(x, "related", "https://arxiv.org/abs/" + l.arxivId(), "text/html");
                }
                if (l.tldr() != null) {
                    x.writeStartElement("summary");
                    if (!l.tldr().lang().isEmpty()) {
                        x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", l.tldr().lang());
                    }
                    x.writeCharacters(Xml.clean(l.tldr().value()));
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("could not write the feed: " + e.getMessage(), e);
        }
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(Xml.clean(text));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        x.writeAttribute("type", type);
    }

    /** A day as an Atom timestamp: its start, UTC (a digest is of a day, not of a moment). */
    private static String timestamp(LocalDate day) {
        LocalDate d = day == null ? LocalDate.now(ZoneOffset.UTC) : day;   // an empty feed: as of today
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d.atStartOfDay().atOffset(ZoneOffset.UTC));
    }
}
