package org.digestkg.storage.search;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonNull;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonString;
import org.apache.jena.atlas.json.JsonValue;

/**
 * Search answers as JSON, the same for {@code kg search --format json} and the server's {@code /kg/search}.
 *
 * <pre>{@code
 * {"query": "扩散模型", "category": null, "since": null, "until": null, "offset": 0, "limit": 20,
 *  "total": 12, "millis": 9,
 *  "hits": [{"rank": 1, "arxivId": "2602.02537", "paper": "https://w3id.org/digest-kg/paper/2602.02537",
 *            "title": "...", "category": "cs.CV", "days": ["2026-02-04"], "score": 7.31,
 *            "snippet": {"field": "tldr", "label": "TL;DR", "lang": "zh", "text": "...",
 *                        "highlights": [[12, 16]]}}]}
 * }</pre>
 * Highlights are [start, end) offsets in the snippet's text, in UTF-16 code units (JavaScript string indices).
 * Per-day counts: {@code {"query": ..., "category": ..., "since": ..., "until": ..., "days": [{"day": "2026-02-04",
 * "papers": 3}]}}.
 */
public final class SearchJson {

    private SearchJson() {
    }

    public static JsonObject of(SearchResults r) {
        JsonObject o = request(r.request());
        o.put("offset", r.request().offset());
        o.put("limit", r.request().limit());
        o.put("total", r.total());
        o.put("millis", r.millis());
        JsonArray hits = new JsonArray();
        for (SearchHit h : r.hits()) hits.add(hit(h));
        o.put("hits", hits);
        return o;
    }

    public static JsonObject of(SearchRequest request, List<DayCount> days) {
        JsonObject o = request(request);
        JsonArray a = new JsonArray();
        for (DayCount d : days) {
            JsonObject x = new JsonObject();
            x.put("day", d.day().toString());
            x.put("papers", d.papers());
            a.add(x);
        }
        o.put("days", a);
        return o;
    }

    public static void write(JsonObject json, OutputStream out) {
        JSON.write(out, json);
    }

    private static JsonObject request(SearchRequest r) {
        JsonObject o = new JsonObject();
        o.put("query", r.query());
        o.put("category", string(r.category()));
        o.put("since", day(r.since()));
        o.put("until", day(r.until()));
        return o;
    }

    private static JsonObject hit(SearchHit h) {
        JsonObject o = new JsonObject();
        o.put("rank", h.rank());
        o.put("arxivId", string(h.arxivId()));
        o.put("paper", h.paper());
        o.put("title", string(h.title()));
        o.put("category", string(h.category()));
        JsonArray days = new JsonArray();
        h.days().forEach(d -> days.add(d.toString()));
        o.put("days", days);
        o.put("score", JsonNumber.value(java.math.BigDecimal.valueOf(Math.round(h.score() * 1000), 3)));
        o.put("snippet", h.snippet() == null ? JsonNull.instance : snippet(h.snippet()));
        return o;
    }

    private static JsonObject snippet(Snippet s) {
        JsonObject o = new JsonObject();
        o.put("field", s.field());
        o.put("label", s.label());
        o.put("lang", string(s.lang()));
        o.put("text", s.text());
        JsonArray spans = new JsonArray();
        for (Snippet.Span span : s.highlights()) {
            JsonArray pair = new JsonArray();
            pair.add(span.start());
            pair.add(span.end());
            spans.add(pair);
        }
        o.put("highlights", spans);
        return o;
    }

    private static JsonValue string(String s) {
        return s == null ? JsonNull.instance : new JsonString(s);
    }

    private static JsonValue day(LocalDate d) {
        return d == null ? JsonNull.instance : new JsonString(d.toString());
    }
}
