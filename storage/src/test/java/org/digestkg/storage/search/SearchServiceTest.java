package org.digestkg.storage.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.parse.DigestParser;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.Samples;
import org.digestkg.storage.text.BadQueryException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search service on a real TDB2 store of the two sample digests. Expected hits are read from the digests with
 * the parser, not from the index.
 */
class SearchServiceTest {

    @TempDir
    static Path tmp;
    static GraphStore store;
    static SearchService search;
    /** The papers of 2026-02-04, as the parser reads them. */
    static List<Paper> feb04 = new ArrayList<>();

    @BeforeAll
    static void load() {
        store = GraphStore.open(tmp.resolve("store"));
        DigestLoader loader = new DigestLoader(store);
        loader.load(Samples.feb04(), null);
        loader.load(Samples.feb23(), null);
        search = new SearchService(store);
        DigestParser.parse(Samples.feb04(), feb04::add);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static SearchResults all(String query) {
        return search.search(SearchRequest.of(query).page(0, Integer.MAX_VALUE));
    }

    static Set<String> ids(SearchResults r) {
        return r.hits().stream().map(SearchHit::arxivId).collect(Collectors.toSet());
    }

    /** The first run of at least six Han characters in a text. */
    static String chineseRun(String text) {
        Matcher m = Pattern.compile("\\p{IsHan}{6,}").matcher(text);
        assertTrue(m.find(), "a Chinese run in " + text);
        return m.group().substring(0, 6);
    }

    @Test
    void everySummaryFieldIsSearchableInChineseAndTitleAndAbstractInEnglish() {
        Paper p = feb04.get(0);
        Map<String, String> probes = new java.util.LinkedHashMap<>();
        probes.put("title", "Atomic");
        probes.put("abstract", "conflate");
        for (Field f : List.of(Field.TLDR, Field.MOTIVATION, Field.METHOD, Field.RESULT, Field.CONCLUSION)) {
            probes.put(f.name().toLowerCase(java.util.Locale.ROOT), "\"" + chineseRun(p.field(f)) + "\"");
        }
        probes.forEach((field, term) -> {
            SearchResults r = all(field + ":" + term);
            SearchHit hit = r.hits().stream().filter(h -> p.arxivId().id().equals(h.arxivId())).findFirst()
                    .orElseThrow(() -> new AssertionError(field + ":" + term + " does not find " + p.arxivId()));
            assertEquals(field, hit.snippet().field(), "the snippet comes from the field searched");
            assertFalse(hit.snippet().highlights().isEmpty(), "the match is marked: " + hit.snippet());
            assertEquals(List.of(LocalDate.of(2026, 2, 4)), hit.days());
            assertEquals("cs.CV", hit.category());
            assertEquals(p.title(), hit.title());
        });
    }

    @Test
    void aChineseTermIsAPhraseNotItsCharacterPairsAnywhere() {
        // "自适应多模态推理" is in the TL;DR of 2602.02676; each of its pairs ("模态", "推理") is in dozens more
        SearchResults r = all("自适应多模态推理");
        assertTrue(ids(r).contains("2602.02676"));
        assertTrue(r.total() < 5, "only texts holding the whole term: " + ids(r));
        Snippet s = r.hits().get(0).snippet();
        String marked = s.marked("[", "]");
        assertTrue(marked.contains("[自适应多模态推理]") || marked.contains("[自适应"), marked);
    }

    @Test
    void titleMatchesRankAboveAbstractOnlyMatches() {
        Set<String> inTitles = ids(all("title:benchmark"));
        Set<String> inAbstracts = ids(all("abstract:benchmark"));
        Set<String> elsewhere = ids(all("benchmark -abstract:benchmark"));
        List<String> abstractOnly = inAbstracts.stream()
                .filter(id -> !inTitles.contains(id) && !elsewhere.contains(id)).toList();
        assertTrue(inTitles.size() >= 3 && abstractOnly.size() >= 3, inTitles + " / " + abstractOnly);
        List<String> ranked = all("benchmark").hits().stream().map(SearchHit::arxivId).toList();
        int lastTitle = inTitles.stream().mapToInt(ranked::indexOf).max().orElseThrow();
        int firstAbstractOnly = abstractOnly.stream().mapToInt(ranked::indexOf).min().orElseThrow();
        assertTrue(lastTitle < firstAbstractOnly, "every title match before any abstract-only match: " + ranked);
    }

    @Test
    void aTitleMatchOutranksAnAbstractThatRepeatsTheWord() throws java.io.IOException {
        // without the title's weight, BM25 would put the abstract saying "quokka" five times in few words first
        Path trig = tmp.resolve("quokkas.trig");
        java.nio.file.Files.writeString(trig, """
                @prefix dcterms: <http://purl.org/dc/terms/> .
                @prefix dkg: <https://w3id.org/digest-kg/ontology#> .
                <https://w3id.org/digest-kg/digest/2026-03-01> {
                  <https://w3id.org/digest-kg/paper/2603.90001> a dkg:Paper ; dkg:arxivId "2603.90001" ;
                      dcterms:title "Field observations of the quokka and other small marsupials across seasons on islands" .
                  <https://w3id.org/digest-kg/paper/2603.90002> a dkg:Paper ; dkg:arxivId "2603.90002" ;
                      dcterms:title "Island ecology" ;
                      dcterms:abstract "Quokka counts: quokka, quokka, quokka, quokka."@en .
                }
                """, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(org.digestkg.storage.LoadResult.Status.LOADED, new org.digestkg.storage.RdfImport(store).load(trig).status());
        assertEquals(List.of("2603.90001", "2603.90002"), all("quokka").hits().stream().map(SearchHit::arxivId).toList());
    }

    @Test
    void wordsMayBeInDifferentTextsOfThePaperAndAllAreRequired() {
        // "WorldVQA" is in the title of 2602.02537; "百科全书" only in its Chinese summaries
        assertEquals(Set.of("2602.02537"), ids(all("WorldVQA 百科全书")));
        assertEquals(Set.of(), ids(all("WorldVQA AND AdaptMMBench")));
        assertEquals(Set.of("2602.02537", "2602.02676"), ids(all("WorldVQA OR AdaptMMBench")));
        assertFalse(ids(all("WorldVQA NOT 百科全书")).contains("2602.02537"));
    }

    @Test
    void filtersKeepTheCategoryAndTheDays() {
        SearchResults any = all("reasoning");
        Set<String> days04 = ids(search.search(SearchRequest.of("reasoning").until(LocalDate.of(2026, 2, 10))
                .page(0, Integer.MAX_VALUE)));
        Set<String> days23 = ids(search.search(SearchRequest.of("reasoning").since(LocalDate.of(2026, 2, 23))
                .page(0, Integer.MAX_VALUE)));
        Set<String> cl = ids(search.search(SearchRequest.of("reasoning").category("CS.cl").page(0, Integer.MAX_VALUE)));
        assertEquals(any.total(), days04.size() + days23.size(), "each sample paper is listed on one of the two days");
        assertTrue(all("reasoning").hits().stream().filter(h -> days04.contains(h.arxivId()))
                .allMatch(h -> h.days().equals(List.of(LocalDate.of(2026, 2, 4)))));
        assertFalse(cl.isEmpty());
        assertTrue(any.hits().stream().filter(h -> cl.contains(h.arxivId())).allMatch(h -> "cs.CL".equals(h.category())));
        assertTrue(any.hits().stream().filter(h -> "cs.CL".equals(h.category())).allMatch(h -> cl.contains(h.arxivId())));
    }

    @Test
    void pagesAndTotalsAreConsistent() {
        SearchResults first = search.search(SearchRequest.of("model").page(0, 5));
        SearchResults second = search.search(SearchRequest.of("model").page(5, 5));
        SearchResults whole = all("model");
        assertEquals(whole.total(), first.total());
        assertEquals(whole.hits().subList(0, 10).stream().map(SearchHit::paper).toList(),
                java.util.stream.Stream.concat(first.hits().stream(), second.hits().stream()).map(SearchHit::paper).toList());
        assertEquals(6, second.hits().get(0).rank());
        for (int i = 1; i < whole.hits().size(); i++) {
            assertTrue(whole.hits().get(i - 1).score() >= whole.hits().get(i).score(), "best first");
        }
    }

    @Test
    void countsPerDayCountPapersListedThatDay() {
        List<DayCount> days = search.perDay(SearchRequest.of("reasoning"));
        long total = all("reasoning").total();
        assertEquals(total, days.stream().mapToLong(DayCount::papers).sum());
        assertEquals(List.of(LocalDate.of(2026, 2, 4), LocalDate.of(2026, 2, 23)), days.stream().map(DayCount::day).toList());
        assertEquals(List.of(LocalDate.of(2026, 2, 23)), search.perDay(SearchRequest.of("reasoning")
                .since(LocalDate.of(2026, 2, 20))).stream().map(DayCount::day).toList());
    }

    @Test
    void countsPerDayAreTheFilteredHitsPerDay() {
        LocalDate feb04 = LocalDate.of(2026, 2, 4);
        LocalDate feb23 = LocalDate.of(2026, 2, 23);
        List<SearchRequest> requests = new ArrayList<>();
        for (String q : List.of("model", "reasoning OR diffusion", "benchmark -abstract:benchmark", "模型", "agent*")) {
            requests.add(SearchRequest.of(q));
            requests.add(SearchRequest.of(q).category("CS.cl"));
            requests.add(SearchRequest.of(q).category("cs.CV").since(feb23));
            requests.add(SearchRequest.of(q).until(feb04));
            requests.add(SearchRequest.of(q).since(feb04.plusDays(1)).until(feb23.minusDays(1)));
        }
        for (SearchRequest r : requests) {
            Map<LocalDate, Long> expected = new java.util.TreeMap<>();
            for (SearchHit h : search.search(r.page(0, Integer.MAX_VALUE)).hits()) {
                h.days().stream().filter(d -> (r.since() == null || !d.isBefore(r.since()))
                        && (r.until() == null || !d.isAfter(r.until()))).forEach(d -> expected.merge(d, 1L, Long::sum));
            }
            Map<LocalDate, Long> counted = new java.util.TreeMap<>();
            search.perDay(r).forEach(d -> counted.put(d.day(), d.papers()));
            assertEquals(expected, counted, r.toString());
        }
    }

    @Test
    void aMalformedQueryIsOneLineNamingIt() {
        for (String bad : List.of("diffusion AND", "\"unclosed phrase", "title:(", "nosuchfield:x")) {
            BadQueryException e = assertThrows(BadQueryException.class, () -> all(bad));
            assertTrue(e.getMessage().startsWith("cannot read the search '" + bad + "'"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> SearchRequest.of("  "));
    }

    @Test
    void prefixesAndEnglishStemsMatch() {
        assertTrue(ids(all("WorldVQ*")).contains("2602.02537"));
        // "measuring" in the title, stemmed: "measures" finds it
        assertTrue(ids(all("title:measures")).contains("2602.02537"));
        assertNotNull(all("title:measures").hits().get(0).snippet());
    }
}
