package org.digestkg.explorer.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.digestkg.explorer.service.DescriptionService;
import org.digestkg.explorer.service.DigestDay;
import org.digestkg.explorer.service.Explorer;

/** {@code /digest/DAY}: one day's digest, in HTML or RDF; {@code /digest/}: every day. */
final class DayPages {

    private final Explorer explorer;

    DayPages(Explorer explorer) {
        this.explorer = explorer;
    }

    void days(Exchange x) throws IOException {
        x.page(HttpServletResponse.SC_OK, "days.jte", Map.of("frame", Frame.of("Digest days", "/digest/"),
                "days", explorer.digests().days()));
    }

    void digest(Exchange x) throws IOException {
        ResourcePage.answer(x, explorer, DescriptionService.Kind.DIGEST, "/digest/", explorer.digests()::day,
                this::notFound, (ex, d) -> ex.page(HttpServletResponse.SC_OK, "digest.jte", Map.of(
                        "frame", Frame.of("Digest of " + d.day().date(), ex.path()).withRdf(), "digest", d)));
    }

    /** No digest that day: the days closest to it, or the latest when the day is not a day at all. */
    private void notFound(Exchange x, String text) throws IOException {
        List<DigestDay.DayRef> days = new ArrayList<>(explorer.digests().days());
        LocalDate wanted = null;
        try {
            wanted = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            // not a day: suggest the latest days
        }
        if (wanted != null) {
            LocalDate w = wanted;
            days.sort(Comparator.comparingLong((DigestDay.DayRef d) -> Math.abs(d.date().toEpochDay() - w.toEpochDay()))
                    .thenComparing(DigestDay.DayRef::date));
        }
        List<Link> links = days.stream().limit(5)
                .map(d -> new Link(d.date().toString(), SitePaths.path(d.iri()), Format.plural(d.papers(), "paper", "papers")))
                .toList();
        OverviewPages.notFound(x, "No digest that day",
                wanted == null ? text + " is not a day like 2026-02-04." : "The graph has no digest of " + wanted + ".",
                links);
    }
}
