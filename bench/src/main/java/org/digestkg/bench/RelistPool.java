package org.digestkg.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Papers of the recent past that may be listed again: arXiv re-announces a paper when it is cross-listed
 * to another category or revised, usually within days or weeks. Only a sliding window is kept, and a paper
 * leaves the pool once it has been listed again, so the pool stays at a few thousand small records.
 */
final class RelistPool {

    /** How far back (in days) a listing may reach. */
    static final int WINDOW_DAYS = 30;

    private final List<Paper> candidates = new ArrayList<>();

    void add(Paper paper) {
        candidates.add(paper);
    }

    /** Forgets papers first listed more than {@link #WINDOW_DAYS} days before {@code day}. */
    void expire(int day) {
        candidates.removeIf(p -> p.firstDay() < day - WINDOW_DAYS);
    }

    /**
     * Removes and returns up to {@code wanted} random papers whose category is among {@code categories}
     * (the section of a paper is its main category, and a day prints only its own sections).
     */
    List<Paper> take(int wanted, Set<String> categories, SplittableRandom rng) {
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (categories.contains(candidates.get(i).mainCategory())) {
                eligible.add(i);
            }
        }
        // partial Fisher–Yates over the eligible positions
        int count = Math.min(wanted, eligible.size());
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(eligible.size() - i);
            java.util.Collections.swap(eligible, i, j);
        }
        List<Integer> chosen = new ArrayList<>(eligible.subList(0, count));
        List<Paper> taken = new ArrayList<>(count);
        for (int index : chosen) {
            taken.add(candidates.get(index));
        }
        // remove from the back so earlier positions stay valid
        chosen.sort(java.util.Comparator.reverseOrder());
        for (int index : chosen) {
            candidates.remove(index);
        }
        return taken;
    }

    int size() {
        return candidates.size();
    }
}
