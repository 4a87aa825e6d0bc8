package org.digestkg.coauthorship;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.digestkg.extractor.model.AuthorName;

/**
 * Turns a name typed by a person into one author of a {@link CoauthorGraph}.
 *
 * <ol>
 * <li>Exact: the name, normalised the way the extractor normalises printed names (NFC, {@code _} as space,
 * folded whitespace), equals an author's name.</li>
 * <li>Folded: equal once case and accents are ignored ({@code "jose muller"} finds {@code José Müller}). Two
 * or more folded matches and no exact one is ambiguous: guessing would silently pick the wrong person.</li>
 * <li>Otherwise unknown, with the closest names by edit distance or shared name parts as suggestions.</li>
 * </ol>
 */
public final class NameResolver {

    private static final int SUGGESTIONS = 5;
    /** Below this similarity a "suggestion" is noise (for a 12-letter name: more than 6 edits). */
    private static final double MIN_SIMILARITY = 0.5;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[\\s.,\\-'’]+");

    private final CoauthorGraph graph;
    private final Map<String, int[]> byName = new HashMap<>();
    // folding every name costs more than the rest of a command that names an author exactly: done on first need
    private Map<String, int[]> byFolded;
    private String[] folded;

    public NameResolver(CoauthorGraph graph) {
        this.graph = graph;
        for (int a = 0; a < graph.authorCount(); a++) {
            byName.merge(graph.author(a).name(), new int[] {a}, NameResolver::concat);
        }
    }

    private synchronized void foldAll() {
        if (folded != null) {
            return;
        }
        String[] f = new String[graph.authorCount()];
        Map<String, int[]> by = new HashMap<>();
        for (int a = 0; a < f.length; a++) {
            f[a] = fold(graph.author(a).name());
            by.merge(f[a], new int[] {a}, NameResolver::concat);
        }
        byFolded = by;
        folded = f;
    }

    /**
     * The one author {@code query} names.
     *
     * @throws UnknownAuthorException   if no name matches, even ignoring case and accents
     * @throws AmbiguousAuthorException if several names match ignoring case and accents and none exactly
     */
    public AuthorRef resolve(String query) {
        return graph.author(resolveId(query));
    }

    int resolveId(String query) {
        String wanted = query == null ? "" : AuthorName.normalise(query);
        int[] exact = byName.get(wanted);
        if (exact == null) {
            exact = byName.get(query);
        }
        if (exact != null && exact.length == 1) {
            return exact[0];
        }
        foldAll();
        int[] loose = exact != null ? exact : byFolded.get(fold(wanted));
        if (loose == null) {
            throw new UnknownAuthorException(wanted, suggestions(wanted));
        }
        if (loose.length > 1) {
            List<String> names = new ArrayList<>();
            for (int a : loose) {
                names.add(graph.author(a).name());
            }
            throw new AmbiguousAuthorException(wanted, names);
        }
        return loose[0];
    }

    /**
     * Up to five author names closest to {@code query}, best first: by edit distance between the folded
     * names, or by shared name parts (so {@code "Zhou Runjie"} and {@code "R. Zhou"} find {@code Runjie Zhou}).
     */
    public List<String> suggestions(String query) {
        foldAll();
        String q = fold(query);
        String[] qTokens = tokens(q);
        record Scored(int author, double score) {
        }
        List<Scored> best = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (int a = 0; a < folded.length; a++) {
            if (seen.putIfAbsent(folded[a], Boolean.TRUE) != null) {
                continue; // case/accent twins score alike; the first stands for them in the ranking
            }
            double score = Math.max(editSimilarity(q, folded[a]), tokenSimilarity(qTokens, tokens(folded[a])));
            if (score >= MIN_SIMILARITY) {
                best.add(new Scored(a, score));
            }
        }
        best.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> graph.author(s.author()).name()));
        List<String> names = new ArrayList<>();
        for (Scored s : best) {
            for (int a : byFolded.get(folded[s.author()])) {
                if (names.size() < SUGGESTIONS) {
                    names.add(graph.author(a).name());
                }
            }
        }
        return names;
    }

    /** Lower case, accents and other combining marks removed, letters without a decomposition mapped by hand. */
    public static String fold(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("");
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 'ø', 'Ø' -> b.append('o');
                case 'ł', 'Ł' -> b.append('l');
                case 'đ', 'Đ' -> b.append('d');
                case 'ı' -> b.append('i');
                case 'ß' -> b.append("ss");
                case 'æ', 'Æ' -> b.append("ae");
                case 'œ', 'Œ' -> b.append("oe");
                case '_' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return SPACES.matcher(b.toString().toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static String[] tokens(String foldedName) {
        return Arrays.stream(TOKEN_SEPARATORS.split(foldedName)).filter(t -> !t.isEmpty()).toArray(String[]::new);
    }

    /** 1 for equal strings, 0 for nothing in common: {@code 1 - distance / longer length}. */
    static double editSimilarity(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        if (longer == 0) {
            return 1;
        }
        if (Math.abs(a.length() - b.length()) > longer * (1 - MIN_SIMILARITY)) {
            return 0; // cannot reach the threshold; skip the quadratic part
        }
        return 1 - (double) levenshtein(a, b) / longer;
    }

    /** The edit distance (insertions, deletions, substitutions) between two strings. */
    public static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * Dice overlap of name parts, in any order; a one-letter part counts half when it is the initial of the
     * other's part ({@code "r zhou"} vs {@code "runjie zhou"}).
     */
    static double tokenSimilarity(String[] query, String[] name) {
        if (query.length == 0 || name.length == 0) {
            return 0;
        }
        boolean[] used = new boolean[name.length];
        double matched = 0;
        for (String q : query) {
            int initialMatch = -1;
            boolean found = false;
            for (int j = 0; j < name.length && !found; j++) {
                if (used[j]) {
                    continue;
                }
                if (name[j].equals(q)) {
                    used[j] = true;
                    matched += 1;
                    found = true;
                } else if (initialMatch < 0 && (q.length() == 1 || name[j].length() == 1)
                        && name[j].charAt(0) == q.charAt(0)) {
                    initialMatch = j;
                }
            }
            if (!found && initialMatch >= 0) {
                used[initialMatch] = true;
                matched += 0.5;
            }
        }
        return 2 * matched / (query.length + name.length);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
