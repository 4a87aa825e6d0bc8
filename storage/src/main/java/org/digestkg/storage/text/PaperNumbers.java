package org.digestkg.storage.text;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * The papers of one state of the index, numbered 0..{@link #count()} in IRI order: Lucene's global ordinals of the
 * {@value PaperTextIndex#PAPER} doc values over all segments. A search can then keep per-paper results in arrays
 * instead of maps keyed by IRI, which was most of the time of a search matching thousands of papers.
 *
 * <p>Built once per state of the index (a few milliseconds for a year of digests) and kept until it changes.
 */
final class PaperNumbers implements PaperNumbering {

    private static final AtomicReference<PaperNumbers> LAST = new AtomicReference<>();

    private final Object readerKey;
    private final LongValues[] toGlobal;
    private final String[] iris;

    private PaperNumbers(Object readerKey, LongValues[] toGlobal, String[] iris) {
        this.readerKey = readerKey;
        this.toGlobal = toGlobal;
        this.iris = iris;
    }

    /** The numbering of {@code reader}'s papers: the one made for it before, or a new one. */
    static PaperNumbers of(IndexReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        Object key = helper == null ? null : helper.getKey();
        PaperNumbers last = LAST.get();
        if (key != null && last != null && last.readerKey == key) return last;
        PaperNumbers made = build(key, reader.leaves());
        if (key != null) LAST.set(made);
        return made;
    }

    private static PaperNumbers build(Object key, List<LeafReaderContext> leaves) throws IOException {
        SortedDocValues[] values = new SortedDocValues[leaves.size()];
        for (LeafReaderContext leaf : leaves) {
            SortedDocValues v = leaf.reader().getSortedDocValues(PaperTextIndex.PAPER);
            values[leaf.ord] = v == null ? DocValues.emptySorted() : v;
        }
        OrdinalMap map = OrdinalMap.build(null, values, PackedInts.DEFAULT);
        LongValues[] toGlobal = new LongValues[values.length];
        for (int i = 0; i < values.length; i++) toGlobal[i] = map.getGlobalOrds(i);
        String[] iris = new String[(int) map.getValueCount()];
        for (int g = 0; g < iris.length; g++) {
            int segment = map.getFirstSegmentNumber(g);
            iris[g] = values[segment].lookupOrd((int) map.getFirstSegmentOrd(g)).utf8ToString();
        }
        return new PaperNumbers(key, toGlobal, iris);
    }

    @Override
    public int count() {
        return iris.length;
    }

    /** The number of the paper with ordinal {@code ord} in the doc values of segment {@code leafOrd}. */
    int number(int leafOrd, int ord) {
        return (int) toGlobal[leafOrd].get(ord);
    }

    @Override
    public String iri(int number) {
        return iris[number];
    }
}
