package org.digestkg.storage.text;

import java.io.IOException;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * The weight of a literal's kind of text ({@link IndexedText#boost}: a title 4, keywords 2, a TL;DR 1.5, the rest
 * 1), read from its {@code kind} doc values, to multiply its score by. Boosts live in {@link IndexedText}, not in the
 * index, so changing one needs no reindexing.
 */
final class KindBoost extends DoubleValuesSource {

    static final KindBoost INSTANCE = new KindBoost();

    private KindBoost() {
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        SortedDocValues kinds = DocValues.getSorted(ctx.reader(), PaperTextIndex.KIND);
        double[] byOrd = new double[kinds.getValueCount()];
        for (int ord = 0; ord < byOrd.length; ord++) {
            byOrd[ord] = IndexedText.ofField(kinds.lookupOrd(ord).utf8ToString()).map(t -> (double) t.boost).orElse(1.0);
        }
        return new DoubleValues() {
            private double value = 1;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                value = kinds.advanceExact(doc) ? byOrd[kinds.ordValue()] : 1;
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return DocValues.isCacheable(ctx, PaperTextIndex.KIND);
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return KindBoost.class.hashCode();
    }

    @Override
    public String toString() {
        return "kindBoost";
    }
}
