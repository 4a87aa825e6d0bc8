package org.digestkg.explorer.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.digestkg.coauthorship.PaperRef;
import org.digestkg.explorer.service.DescriptionService;
import org.digestkg.explorer.service.Explorer;

/** {@code /paper/ID}: a paper, in HTML or RDF; {@code /paper?id=ID}: the box that finds one. */
final class PaperPages {

    private final Explorer explorer;

    PaperPages(Explorer explorer) {
        this.explorer = explorer;
    }

    void paper(Exchange x) throws IOException {
        ResourcePage.answer(x, explorer, DescriptionService.Kind.PAPER, "/paper/", explorer.papers()::paper,
                this::notFound, (ex, p) -> {
                    Frame frame = Frame.of(p.title() == null ? "Paper " + p.arxivId() : p.title(), ex.path()).withRdf();
                    ex.page(HttpServletResponse.SC_OK, "paper.jte", Map.of("frame", frame, "paper", p));
                });
    }

    /** The "go to a paper" box: an arXiv id (with or without version, or an arXiv URL) to its page. */
    void findPaper(Exchange x) throws IOException {
        String id = x.param("id");
        if (id == null) {
            throw new BadRequest("give a paper's arXiv id: /paper?id=2602.02537");
        }
        String wanted = id.replaceFirst("(?i)^https?://(www\\.)?arxiv\\.org/(abs|pdf)/", "")
                .replaceFirst("(?i)^arxiv:", "").replaceFirst("v\\d+$", "").replaceFirst("\\.pdf$", "");
        Optional<String> iri = explorer.papers().iriOf(wanted);
        if (iri.isPresent() && SitePaths.path(iri.get()) != null) {
            x.seeOther(x.request().getContextPath() + SitePaths.path(iri.get()));
            return;
        }
        notFound(x, wanted);
    }

    private void notFound(Exchange x, String id) throws IOException {
        List<PaperRef> close = explorer.network().closestPapers(id);
        List<Link> links = close.stream()
                .map(p -> new Link(p.arxivId(), SitePaths.path(p.iri()), p.title())).toList();
        OverviewPages.notFound(x, "No such paper", "The graph has no paper " + id + ".", links);
    }
}
