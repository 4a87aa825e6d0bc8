package org.digestkg.extractor.model;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the generator writes where its LLM call failed, in the markdown and in the JSONL alike: {@code Error},
 * {@code N/A}, "Summary generation failed", "Motivation analysis unavailable", "Method extraction failed",
 * "Processing failed", "Error: API quota exceeded", "达到API配额限制，请明天再试". Such a value is no text of the
 * paper: the reader records the field as absent (and as failed), in either source.
 */
public final class Placeholders {

    /** Longer values are text, whatever words they hold. */
    private static final int MAX_LENGTH = 80;

    private static final Set<String> WHOLE = Set.of("error", "n/a", "na", "none", "null", "nan", "failed",
            "processing failed", "generation failed", "summary generation failed", "not available", "unavailable",
            "no summary", "no summary available", "todo", "tbd", "-", "--", "—", "…", "...");

    // "<field> analysis unavailable", "Method extraction failed", "translation failed", "LLM call failed"
    private static final Pattern FAILED = Pattern.compile(
            "(?:[\\p{L}\\s-]{0,30}\\s)?(?:analysis|extraction|generation|summary|summarization|processing|translation"
                    + "|call|request|response)\\s+(?:failed|unavailable|error|timed out)",
            Pattern.CASE_INSENSITIVE);
    // "Error: API quota exceeded", "Error - rate limit", "达到API配额限制", "请联系管理员或等待明天API配额重置。"
    private static final Pattern ERROR_MESSAGE = Pattern.compile(
            "(?:error\\s*[:：].*|error\\s+-\\s.*|.*(?:api\\s*quota|quota exceeded|rate limit|api配额|配额限制|生成失败|处理失败|调用失败).*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private Placeholders() {
    }

    /** Whether {@code value} is a failure placeholder rather than text. */
    public static boolean isFailure(String value) {
        if (value == null || value.length() > MAX_LENGTH + 8) {
            return false;
        }
        String v = value.strip();
        if (v.isEmpty() || v.length() > MAX_LENGTH) {
            return false;
        }
        int from = 0;
        int to = v.length();
        while (from < to && "*_`".indexOf(v.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && ("*_`.。!".indexOf(v.charAt(to - 1)) >= 0 || Character.isWhitespace(v.charAt(to - 1)))) {
            to--;
        }
        v = v.substring(from, to).strip().toLowerCase(Locale.ROOT);
        if (WHOLE.contains(v) || v.isEmpty() && to < value.length()) {
            return true;
        }
        // the patterns only for a value that holds one of their words: most short values are plain text
        boolean suspect = v.contains("fail") || v.contains("unavailable") || v.contains("error") || v.contains("timed out")
                || v.contains("quota") || v.contains("rate limit") || v.contains("配额") || v.contains("失败");
        return suspect && (FAILED.matcher(v).matches() || ERROR_MESSAGE.matcher(v).matches());
    }
}
