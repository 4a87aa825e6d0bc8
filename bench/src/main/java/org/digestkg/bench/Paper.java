package org.digestkg.bench;

/**
 * What stays fixed about a paper across its listings. Text is regenerated from {@code textSeed} (title)
 * or written fresh per listing (summaries), so a paper waiting to be listed again costs a few dozen bytes
 * plus its author numbers.
 *
 * @param arxivId       new-style id, {@code YYMM.NNNNN}
 * @param textSeed      seed of the title
 * @param mainCategory  the category it is filed under, which is also its section in every digest
 * @param authors       author numbers in byline order (see {@link NameBook})
 * @param firstDay      index of the day it was first listed
 */
record Paper(String arxivId, long textSeed, String mainCategory, int[] authors, int firstDay) {

    Title title() {
        return TitleMaker.title(textSeed);
    }
}
