package org.digestkg.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's results as a markdown table, {@code measure | value | target | met?}. A measure without a
 * target has an empty target and met column; a failed step has its error as the value and {@code FAILED}.
 * Thread-safe: a benchmark stopped from outside writes the rows it has while its steps may still be adding.
 */
public final class ResultTable {

    /** Whether a row meets its target. */
    public enum Met {
        YES("yes"), NO("**no**"), NONE(""), FAILED("**FAILED**");

        private final String text;

        Met(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        public static Met of(boolean met) {
            return met ? YES : NO;
        }
    }

    public record Row(String measure, String value, String target, Met met) {
    }

    private final List<Row> rows = new ArrayList<>();

    public ResultTable add(String measure, String value) {
        return add(measure, value, "", Met.NONE);
    }

    public synchronized ResultTable add(String measure, String value, String target, Met met) {
        rows.add(new Row(measure, value, target, met));
        return this;
    }

    /** A row for a step that failed: the reason as the value. */
    public ResultTable failed(String measure, String target, String why) {
        return add(measure, why, target, Met.FAILED);
    }

    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    public synchronized boolean isEmpty() {
        return rows.isEmpty();
    }

    public synchronized int size() {
        return rows.size();
    }

    /** A copy of the rows from {@code from} to {@code to} (exclusive): what one step added, or the rows until then. */
    public synchronized ResultTable slice(int from, int to) {
        ResultTable t = new ResultTable();
        t.rows.addAll(rows.subList(from, to));
        return t;
    }

    /** Rows whose met column is {@code met}. */
    public synchronized long count(Met met) {
        return rows.stream().filter(r -> r.met() == met).count();
    }

    /** The table in GitHub markdown, columns padded so it also reads well as plain text. */
    public synchronized String markdown() {
        String[] head = {"measure", "value", "target", "met?"};
        int[] w = new int[4];
        for (int i = 0; i < 4; i++) w[i] = head[i].length();
        List<String[]> cells = new ArrayList<>();
        for (Row r : rows) {
            String[] c = {Fmt.cell(r.measure()), Fmt.cell(r.value()), Fmt.cell(r.target()), r.met().text()};
            for (int i = 0; i < 4; i++) w[i] = Math.max(w[i], c[i].codePointCount(0, c[i].length()));
            cells.add(c);
        }
        StringBuilder sb = new StringBuilder();
        line(sb, head, w);
        sb.append('|');
        for (int i = 0; i < 4; i++) sb.append(i == 1 ? "-".repeat(w[i] + 1) + ":|" : "-".repeat(w[i] + 2) + "|");
        sb.append('\n');
        for (String[] c : cells) line(sb, c, w);
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] c, int[] w) {
        sb.append('|');
        for (int i = 0; i < c.length; i++) {
            int pad = w[i] - c[i].codePointCount(0, c[i].length());
            if (i == 1) {
                sb.append(' ').append(" ".repeat(pad)).append(c[i]).append(" |");
            } else {
                sb.append(' ').append(c[i]).append(" ".repeat(pad)).append(" |");
            }
        }
        sb.append('\n');
    }
}
