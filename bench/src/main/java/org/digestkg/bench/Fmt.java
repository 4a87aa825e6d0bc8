package org.digestkg.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** Number formatting and small statistics for the results table. */
public final class Fmt {

    private Fmt() {
    }

    public static String seconds(double s) {
        if (Double.isNaN(s)) return "n/a";
        if (s < 1) return String.format(Locale.ROOT, "%.0f ms", s * 1000);
        if (s < 100) return String.format(Locale.ROOT, "%.2f s", s);
        return String.format(Locale.ROOT, "%.0f s", s);
    }

    public static String millis(double ms) {
        if (Double.isNaN(ms)) return "n/a";
        return ms < 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%,.0f ms", ms);
    }

    public static String mib(double mib) {
        return Double.isNaN(mib) ? "n/a" : String.format(Locale.ROOT, "%,.0f MiB", mib);
    }

    public static String ratio(double r) {
        return Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.2f×", r);
    }

    /** A ratio limit as written: "10.5", "11", "1.25". */
    public static String decimal(double x) {
        return java.math.BigDecimal.valueOf(x).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "n/a" : String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    /** Median of the values (mean of the middle two for an even count); NaN for none. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) return Double.NaN;
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The {@code p}-th percentile (nearest rank) of the values; NaN for none. */
    public static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) return Double.NaN;
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** The last {@code lines} non-blank lines of {@code text}, joined with " / ", for a table cell. */
    public static String tail(String text, int lines) {
        List<String> kept = new ArrayList<>();
        String[] all = text.split("\\R");
        for (int i = all.length - 1; i >= 0 && kept.size() < lines; i--) {
            if (!all[i].isBlank()) kept.add(0, all[i].strip());
        }
        String s = String.join(" / ", kept);
        return s.length() > 300 ? "…" + s.substring(s.length() - 300) : s;
    }

    /** "; median of N: a, b, c" after a median of several runs; "" for one run. */
    public static String runsNote(List<Double> seconds) {
        return runsNote(seconds, Fmt::seconds);
    }

    public static String runsNote(List<Double> values, DoubleFunction<String> fmt) {
        if (values.size() < 2) return "";
        return "; median of " + values.size() + ": " + String.join(", ", values.stream().map(fmt::apply).toList());
    }

    /** Makes text safe in a markdown table cell. */
    public static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
