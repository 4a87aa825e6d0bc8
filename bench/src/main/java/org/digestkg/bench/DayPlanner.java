package org.digestkg.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Decides one day's digest: its categories, how many papers, which earlier papers come back and which
 * are new (with their ids and authors). Keeps the state that spans days: the author pool, the id counter,
 * the spacing of large collaborations and the papers that may be listed again.
 */
final class DayPlanner {

    static final int MIN_PAPERS = 150;
    static final int MAX_PAPERS = 250;
    /** Share of a day's listings that are earlier papers listed again (one in five). */
    static final double RELIST_SHARE = 0.20;
    /** Share of those that come back under a revised title. */
    static final int REVISED_TITLE_ONE_IN = 50;

    private final AuthorPool authors;
    private final Bylines bylines = new Bylines();
    private final ArxivIdSequence ids = new ArxivIdSequence();
    private final RelistPool relistable = new RelistPool();

    DayPlanner(AuthorPool authors) {
        this.authors = authors;
    }

    DayPlan plan(int day, LocalDate date, SplittableRandom rng) {
        List<Categories.Category> categories = Categories.pickDay(rng);
        Set<String> codes = new HashSet<>();
        categories.forEach(c -> codes.add(c.code()));

        int total = MIN_PAPERS + rng.nextInt(MAX_PAPERS - MIN_PAPERS + 1);
        int wanted = 0;
        for (int i = 0; i < total; i++) {
            if (rng.nextDouble() < RELIST_SHARE) {
                wanted++;
            }
        }
        relistable.expire(day);
        List<Paper> back = relistable.take(wanted, codes, rng);
        back.sort(Comparator.comparing(Paper::arxivId));

        int[] fresh = Categories.split(categories, total - back.size(), rng);
        List<DayPlan.Section> sections = new ArrayList<>(categories.size());
        List<Paper> created = new ArrayList<>();
        for (int c = 0; c < categories.size(); c++) {
            String code = categories.get(c).code();
            List<Listing> listings = new ArrayList<>();
            // arXiv announces new submissions first, then cross-lists and replacements
            for (int i = 0; i < fresh[c]; i++) {
                Paper paper = new Paper(ids.next(date, rng), rng.nextLong(), code,
                        authors.draw(rng, bylines.authorCount(rng)), day);
                created.add(paper);
                listings.add(new Listing(paper, paper.title(), false));
            }
            for (Paper paper : back) {
                if (paper.mainCategory().equals(code)) {
                    boolean revised = rng.nextInt(REVISED_TITLE_ONE_IN) == 0;
                    Title title = revised ? TitleMaker.revised(paper.textSeed()) : paper.title();
                    listings.add(new Listing(paper, title, true));
                }
            }
            sections.add(new DayPlan.Section(code, listings));
        }
        // today's papers can come back from tomorrow on
        created.forEach(relistable::add);
        return new DayPlan(date, sections);
    }
}
