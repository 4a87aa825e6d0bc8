package org.digestkg.explorer.service;

/**
 * Text in a language: a summary written in Chinese keeps {@code zh}, so a page can say so ({@code lang="zh"}) and
 * a screen reader reads it right.
 *
 * @param lang the BCP 47 tag, or "" when unknown
 */
public record Text(String value, String lang) {

    public Text {
        lang = lang == null ? "" : lang;
    }

    public static Text plain(String value) {
        return value == null ? null : new Text(value, "");
    }

    /** The tag for an HTML {@code lang} attribute; null (no attribute) when unknown. */
    public String htmlLang() {
        return lang.isEmpty() ? null : lang;
    }

    @Override
    public String toString() {
        return value;
    }
}
