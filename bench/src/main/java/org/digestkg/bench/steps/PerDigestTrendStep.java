package org.digestkg.bench.steps;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.digestkg.bench.BenchRun;
import org.digestkg.bench.BenchStep;
import org.digestkg.bench.Fmt;

/**
 * Whether loading slows down as a store grows: the per-digest load times of each build (from its report), the first
 * digests against the last as many.
 */
public final class PerDigestTrendStep implements BenchStep {

    @Override
    public String option() {
        return null;
    }

    @Override
    public String title(BenchRun run) {
        return "per-digest load times";
    }

    @Override
    public boolean applies(BenchRun run) {
        return true;
    }

    @Override
    public void run(BenchRun run) {
        for (Map.Entry<Integer, List<Double>> e : new java.util.TreeMap<>(run.perDigest()).entrySet()) {
            List<Double> t = e.getValue();
            if (t.size() < 20) continue;
            int k = Math.min(run.smallest(), t.size() / 2);
            double first = t.subList(0, k).stream().mapToDouble(Double::doubleValue).sum();
            double lastK = t.subList(t.size() - k, t.size()).stream().mapToDouble(Double::doubleValue).sum();
            double sum = t.stream().mapToDouble(Double::doubleValue).sum();
            run.table().add("build " + e.getKey() + " days: sum of the per-digest times its report gives",
                    String.format(Locale.ROOT, "sum %s over %d digests; first %d: %s, last %d: %s (%.2f×)",
                            Fmt.seconds(sum), t.size(), k, Fmt.seconds(first), k, Fmt.seconds(lastK), lastK / first));
        }
    }
}
