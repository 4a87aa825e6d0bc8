package org.digestkg.explorer.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.query.QueryCancelledException;
import org.digestkg.explorer.service.Explorer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;

/**
 * The explorer's front door: every path the SPARQL endpoints and Fuseki's own servlets do not take comes here and
 * goes to its page. Whatever goes wrong, a person gets a page that says what happened — a 400 for input it cannot
 * use, a 404 with the closest names, a 503 when a question takes longer than the query time limit — and never a
 * stack trace.
 */
final class ExplorerServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(ExplorerServlet.class);

    private final transient TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final transient OverviewPages overview;
    private final transient PaperPages papers;
    private final transient AuthorPages authors;
    private final transient DayPages days;
    private final transient CategoryPages categories;
    private final transient SearchPages search;
    private final transient Assets assets = new Assets();

    ExplorerServlet(Explorer explorer) {
        this.overview = new OverviewPages(explorer);
        this.papers = new PaperPages(explorer);
        this.authors = new AuthorPages(explorer);
        this.days = new DayPages(explorer);
        this.categories = new CategoryPages(explorer);
        this.search = new SearchPages(explorer);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String method = req.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            resp.setHeader("Allow", "GET, HEAD");
            resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "The explorer's pages are read-only.");
            return;
        }
        Exchange x = new Exchange(req, resp, templates);
        try {
            route(x);
        } catch (BadRequest e) {
            error(x, HttpServletResponse.SC_BAD_REQUEST, "Bad request", e.getMessage());
        } catch (QueryCancelledException e) {
            error(x, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Too slow",
                    "The question took longer than the server's query time limit. Try a narrower one.");
        } catch (RuntimeException e) {
            LOG.warn("Explorer page {} failed", x.path(), e);
            error(x, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Something went wrong",
                    "The page could not be made. The server's log says why.");
        }
    }

    private void route(Exchange x) throws IOException {
        String path = x.path();
        if (path.equals("/") || path.isEmpty()) {
            overview.home(x);
        } else if (path.startsWith("/assets/")) {
            assets.asset(x, path.substring("/assets/".length()));
        } else if (path.equals("/fuseki")) {
            x.seeOther(x.request().getContextPath() + "/fuseki/");
        } else if (path.startsWith("/fuseki/")) {
            assets.fusekiUi(x, path.substring("/fuseki/".length()));
        } else if (path.equals("/paper")) {
            papers.findPaper(x);
        } else if (path.startsWith("/paper/")) {
            papers.paper(x);
        } else if (path.equals("/author")) {
            authors.find(x);
        } else if (path.startsWith("/author/") && path.endsWith("/network.json")) {
            authors.network(x, path.substring(0, path.length() - "/network.json".length()));
        } else if (path.startsWith("/author/")) {
            authors.author(x);
        } else if (path.equals("/digest/") || path.equals("/digest")) {
            days.days(x);
        } else if (path.startsWith("/digest/")) {
            days.digest(x);
        } else if (path.equals("/category/") || path.equals("/category")) {
            categories.categories(x);
        } else if (path.startsWith("/category/")) {
            categories.category(x);
        } else if (path.equals("/search")) {
            search.search(x);
        } else if (path.equals("/feed/search")) {
            search.feed(x);
        } else if (path.equals("/trends")) {
            overview.trends(x);
        } else if (path.equals("/path")) {
            overview.path(x);
        } else if (path.startsWith("/feed/category/")) {
            categories.feed(x, path.substring("/feed".length()));
        } else if (path.startsWith("/feed/author/")) {
            authors.feed(x, path.substring("/feed".length()));
        } else {
            OverviewPages.notFound(x, "No page here", "This server has no page at this address.", List.of(
                    Link.to("The explorer's home", "/"), Link.to("Search", "/search"), Link.to("Trends", "/trends"),
                    Link.to("The SPARQL endpoint's UI (Fuseki)", "/fuseki/")));
        }
    }

    private void error(Exchange x, int status, String title, String message) throws IOException {
        if (x.response().isCommitted()) {
            return;
        }
        x.response().reset();
        x.page(status, "error.jte", Map.of("frame", Frame.of(title, x.path()), "message", message,
                "links", List.of(Link.to("The explorer's home", "/"))));
    }
}
