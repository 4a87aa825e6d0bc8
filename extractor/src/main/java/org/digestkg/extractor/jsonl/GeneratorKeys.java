package org.digestkg.extractor.jsonl;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.digestkg.extractor.model.Field;

/**
 * Which key of a JSONL record holds which field: the generator's own keys, and the ones its forks add. The one
 * place this is said, for reading a JSONL-only day and for checking a markdown digest against its JSONL.
 */
public final class GeneratorKeys {

    /** The {@code AI} keys of each field; the top-level {@code summary} is the abstract, {@code comment} the comment. */
    public static final Map<Field, List<String>> AI_KEYS;

    static {
        Map<Field, List<String>> keys = new EnumMap<>(Field.class);
        // early files of the generator call the TL;DR "task"
        keys.put(Field.TLDR, List.of("tldr", "task"));
        keys.put(Field.MOTIVATION, List.of("motivation"));
        keys.put(Field.METHOD, List.of("method"));
        keys.put(Field.RESULT, List.of("result", "results"));
        keys.put(Field.CONCLUSION, List.of("conclusion"));
        keys.put(Field.KEYWORDS, List.of("keywords"));
        keys.put(Field.TRANSLATED_TITLE, List.of("title_translation", "translated_title", "chinese_title", "title_zh",
                "title_cn", "paper_title_zh"));
        keys.put(Field.ABSTRACT_TRANSLATION, List.of("translation", "abstract_translation", "translated_abstract",
                "translated_summary", "abstract_zh", "summary_zh", "summary_cn", "chinese_abstract", "abstract_cn"));
        AI_KEYS = java.util.Collections.unmodifiableMap(keys);
    }

    /** Every {@code AI} key some field is read from: the others are a fork's own, kept as notes. */
    public static final Set<String> FIELD_KEYS;

    static {
        Set<String> all = new LinkedHashSet<>();
        AI_KEYS.values().forEach(all::addAll);
        FIELD_KEYS = java.util.Collections.unmodifiableSet(all);
    }

    private GeneratorKeys() {
    }

    /** The record's text of {@code field}, or null. */
    public static String text(GeneratorRecord r, Field field) {
        return switch (field) {
            case ABSTRACT -> r.summary();
            case COMMENT -> r.comment();
            default -> r.ai(AI_KEYS.getOrDefault(field, List.of()));
        };
    }
}
