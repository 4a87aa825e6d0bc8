package org.digestkg.extractor.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.digestkg.extractor.model.Problem;

/**
 * The digest's own claim of how many papers each category holds ({@code - [cs.CV](#cs.CV) [Total: 86]},
 * {@code - [cs.CV](#cs.CV) [总数: 86]}),
 * checked against the entries actually found under each category heading.
 */
final class TableOfContents {

    /** One table-of-contents line. */
    record Claim(String code, int count, int line) {
    }

    // "[Total: 86]", and in Chinese forks "[总数: 86]", "[总计：86]", "[共 86 篇]"
    private static final Pattern CLAIM = Pattern.compile(
            "\\s*[-*+]\\s*\\[([^\\]]+)\\]\\(#[^)]*\\)\\s*\\[\\s*(?:Total|总数|总计|合计|共)\\s*[:：]?\\s*(\\d{1,9})\\s*篇?\\s*\\]\\s*",
            Pattern.CASE_INSENSITIVE);

    private final Map<String, Claim> claims = new LinkedHashMap<>();
    private final Map<String, Integer> found = new HashMap<>();

    static Optional<Claim> claim(String line, int lineNo) {
        if (line.length() > Lines.MAX_STRUCTURE_LINE) {
            return Optional.empty();
        }
        Matcher m = CLAIM.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Claim(m.group(1).strip(), Integer.parseInt(m.group(2)), lineNo));
    }

    /** Records the claim; a category listed twice is a problem (the first claim is the one checked). */
    Optional<Problem> add(Claim claim, String file) {
        Claim earlier = claims.putIfAbsent(claim.code(), claim);
        if (earlier == null) {
            return Optional.empty();
        }
        return Optional.of(new Problem(file, claim.line(), "table of contents lists " + claim.code()
                + " again (first at line " + earlier.line() + "); the first claim is checked"));
    }

    void countEntry(String section) {
        if (section != null) {
            found.merge(section, 1, Integer::sum);
        }
    }

    /** One warning per claimed category whose entry count differs from the claim, located at the claim. */
    List<Problem> mismatches(String file) {
        List<Problem> problems = new ArrayList<>();
        for (Claim c : claims.values()) {
            int n = found.getOrDefault(c.code(), 0);
            if (n != c.count()) {
                problems.add(new Problem(file, c.line(), "table of contents claims " + c.count()
                        + " papers in " + c.code() + " but " + n + " entries were found under its heading"));
            }
        }
        return problems;
    }
}
