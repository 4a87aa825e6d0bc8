package org.digestkg.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The arXiv categories a digest may carry, in the order the generator prints sections (its CATEGORIES
 * preference list), with how likely a day is to cover each and how many papers it gets when it does.
 */
final class Categories {

    record Category(String code, double dayChance, double share) {
    }

    static final List<Category> ALL = List.of(
            new Category("cs.CV", 0.90, 3.0),
            new Category("cs.CL", 0.80, 2.2),
            new Category("cs.LG", 0.80, 3.0),
            new Category("cs.MA", 0.15, 0.3),
            new Category("cs.AI", 0.50, 1.2),
            new Category("cs.RO", 0.30, 0.8),
            new Category("stat.ML", 0.25, 0.6),
            new Category("eess.IV", 0.20, 0.5));

    private Categories() {
    }

    /** Two to four categories for one day, in section order. */
    static List<Category> pickDay(SplittableRandom rng) {
        int wanted = 2 + rng.nextInt(3);
        List<Category> chosen = new ArrayList<>();
        // passes in section order until enough are in: the big categories stay the usual ones
        while (chosen.size() < wanted) {
            for (Category c : ALL) {
                if (chosen.size() < wanted && !chosen.contains(c) && rng.nextDouble() < c.dayChance()) {
                    chosen.add(c);
                }
            }
        }
        chosen.sort(java.util.Comparator.comparingInt(ALL::indexOf));
        return chosen;
    }

    /** Splits {@code total} papers over the categories by jittered share, each getting at least one. */
    static int[] split(List<Category> categories, int total, SplittableRandom rng) {
        int k = categories.size();
        double[] weight = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            weight[i] = categories.get(i).share() * (0.5 + rng.nextDouble());
            sum += weight[i];
        }
        int[] counts = new int[k];
        int assigned = 0;
        for (int i = 0; i < k; i++) {
            counts[i] = Math.max(1, (int) Math.floor((total - k) * weight[i] / sum) + 1);
            assigned += counts[i];
        }
        // hand out what flooring left over, one per section in order
        for (int i = 0; assigned < total; i = (i + 1) % k) {
            counts[i]++;
            assigned++;
        }
        return counts;
    }
}
