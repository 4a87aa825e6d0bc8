package org.digestkg.extractor.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names that no rule can see are one person, as a user says in a small text file: each line names the person as
 * they should be shown, then the other printings of them, separated by {@code =}:
 * <pre>
 * # author-aliases.txt: the name to show = other printings of the same person
 * Yann LeCun = Y. LeCun = Yann Le Cun
 * Jian-Feng Gao = Jianfeng Gao
 * </pre>
 * Names are compared as {@link AuthorName#key} does (case, diacritics, initials' full stops and hyphens do not
 * count), so a line covers their printings too. Blank lines and lines starting with {@code #} are ignored; a line
 * without {@code =}, or a name already given on an earlier line, is a problem and is skipped.
 */
public final class AuthorAliases {

    /** The file's name in a folder of digests: it applies to every digest in that folder. */
    public static final String FILE_NAME = "author-aliases.txt";

    /** No aliases. */
    public static final AuthorAliases NONE = new AuthorAliases(Map.of(), List.of());

    private final Map<String, String> byKey;
    private final List<Problem> problems;

    private AuthorAliases(Map<String, String> byKey, List<Problem> problems) {
        this.byKey = Map.copyOf(byKey);
        this.problems = List.copyOf(problems);
    }

    /** The name {@code printed} is shown under: its alias's first name, or the printed name itself. */
    public String identity(String printed) {
        return byKey.getOrDefault(AuthorName.key(printed), printed);
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** The lines that could not be read, with their line numbers. */
    public List<Problem> problems() {
        return problems;
    }

    /** The aliases of {@code file}, named {@code name} in problems. */
    public static AuthorAliases read(Path file, String name) throws IOException {
        Map<String, String> byKey = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String s = lineNo == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
                if (s.isBlank() || s.strip().startsWith("#")) {
                    continue;
                }
                String[] names = s.split("=");
                if (names.length < 2) {
                    problems.add(new Problem(name, lineNo, "no '=' between the name to show and its other printings; line skipped"));
                    continue;
                }
                String shown = AuthorName.normalise(names[0]);
                if (shown.isBlank()) {
                    problems.add(new Problem(name, lineNo, "no name before the first '='; line skipped"));
                    continue;
                }
                for (String n : names) {
                    if (n.isBlank()) {
                        continue;
                    }
                    String key = AuthorName.key(n);
                    Integer earlier = lineOf.get(key);
                    if (earlier != null && earlier != lineNo) {
                        problems.add(new Problem(name, lineNo, "'" + n.strip() + "' is already an alias on line "
                                + earlier + "; the first line counts"));
                        continue;
                    }
                    lineOf.put(key, lineNo);
                    byKey.put(key, shown);
                }
            }
        }
        return new AuthorAliases(byKey, problems);
    }
}
