package org.digestkg.bench;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fills sentence templates from word lists, so generated text varies in wording and length the way real
 * summaries do and compresses and indexes like prose rather than like one repeated string.
 *
 * <p>A template names a slot as {@code {key}}; each occurrence gets an independent pick from the list of
 * that key. Three slots are computed: {@code {ACR}} (the paper's short name), {@code {N}} (a small count)
 * and {@code {PCT}} (a percentage gain); {@code {X}} is a speed-up factor.
 */
final class Phrasebook {

    private final Map<String, String[]> lists;

    Phrasebook(Map<String, String[]> lists) {
        this.lists = Map.copyOf(lists);
    }

    static String pick(SplittableRandom rng, String[] words) {
        return words[rng.nextInt(words.length)];
    }

    /** Appends the filled template to {@code out}. */
    void fill(StringBuilder out, String template, String acronym, SplittableRandom rng) {
        fill(out, template, acronym, rng, new java.util.HashMap<>());
    }

    /**
     * {@code picked} holds what each key got so far in this template, so "aligns {aspect} with {aspect}"
     * names two different things.
     */
    private void fill(StringBuilder out, String template, String acronym, SplittableRandom rng,
                      Map<String, java.util.Set<String>> picked) {
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            String key = template.substring(i + 1, close);
            switch (key) {
                case "ACR" -> out.append(acronym);
                case "N" -> out.append(2 + rng.nextInt(11));
                case "PCT" -> out.append(1 + rng.nextInt(30)).append('.').append(rng.nextInt(10)).append('%');
                case "X" -> out.append(1 + rng.nextInt(9)).append('.').append(rng.nextInt(10));
                default -> {
                    String[] words = lists.get(key);
                    if (words == null) {
                        throw new IllegalArgumentException("no word list for {" + key + "} in: " + template);
                    }
                    java.util.Set<String> used = picked.computeIfAbsent(key, k -> new java.util.HashSet<>());
                    String word = pick(rng, words);
                    for (int retry = 0; used.contains(word) && retry < 8; retry++) {
                        word = pick(rng, words);
                    }
                    used.add(word);
                    // a pick may itself hold slots, e.g. a dataset name inside a result phrase
                    fill(out, word, acronym, rng, picked);
                }
            }
            i = close + 1;
        }
    }

    String fill(String template, String acronym, SplittableRandom rng) {
        StringBuilder out = new StringBuilder();
        fill(out, template, acronym, rng);
        return out.toString();
    }
}
