package org.digestkg.storage.text;

import org.apache.jena.query.text.analyzer.Util;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How the index cuts text into searchable terms, per language of the literal.
 * <ul>
 * <li>{@code @en}: Lucene's {@link EnglishAnalyzer} (stop words, possessives, Porter stemming: "models" finds
 *     "model").</li>
 * <li>{@code @zh}: {@link #chinese()}, overlapping pairs of Han characters (CJK bigrams), chosen over SmartChinese
 *     and ICU word segmentation by measurement on the 4,436 Chinese summaries and notes of the real digests
 *     ({@code ChineseAnalyzerTrial} in bench; 136 real terms, 17,201 (text, term) pairs). Typed as written, a term
 *     finds every text holding it; SmartChinese misses 319 of them and ICU 156, wherever they cut the sentence
 *     differently ("数据集中" read as 数据/集中). Reading every disagreement, 26 of those were not the term
 *     ("实验" in "实验室" or "事实验证", "定位" in "固定位置"): bigram precision 0.998, recall 1.000; SmartChinese
 *     recall 0.983, ICU 0.992. A bare {@code text:query} (the query parser's OR of the pieces) is also most precise
 *     with bigrams (0.723 against 0.684 and 0.640). Bigrams need no dictionary or extra jar, and indexed faster than
 *     SmartChinese. English words inside Chinese summaries ("LLMs", "Transformer") are treated as in English text, so
 *     one query finds them in both.</li>
 * <li>Other languages Lucene has an analyser for (French, German, Russian, Japanese, Korean, ...): that
 *     analyser, as Jena's multilingual index does by default.</li>
 * <li>Everything else, including literals without a language tag (titles, which arXiv gives in English):
 *     {@link #fallback()}, the same as Chinese — English treatment of Latin words and bigrams for CJK scripts — so
 *     no script is left unsearchable.</li>
 * </ul>
 */
public final class Analyzers {

    static {
        // Jena's multilingual index looks analysers up by language tag, process-wide; its default for "zh" is
        // Lucene's CJKAnalyzer, which would leave English words in Chinese text unstemmed.
        Util.addAnalyzer("zh", chinese());
    }

    private Analyzers() {
    }

    /** Makes sure Jena's registry holds the analysers above before an index is opened. */
    static void register() {
        // the static initialiser does the work
    }

    /** English: Lucene's own. */
    public static Analyzer english() {
        return new EnglishAnalyzer();
    }

    /**
     * Chinese: Han (and kana, Hangul) as overlapping character pairs; full-width forms folded; Latin words as in
     * {@link EnglishAnalyzer} (possessives, lower case, stop words, Porter stems).
     */
    public static Analyzer chinese() {
        return new BigramsWithEnglish();
    }

    /** Literals with no language tag, and languages Lucene has no analyser for: as {@link #chinese()}. */
    public static Analyzer fallback() {
        return new BigramsWithEnglish();
    }

    /** The analyser of an index field: {@code title_en}, {@code tldr_zh}, or a field without a language suffix. */
    public static Analyzer forField(String field) {
        int at = field.lastIndexOf('_');
        return forLanguage(at < 0 ? null : field.substring(at + 1));
    }

    /** The analyser of texts in {@code lang} (null: untagged). */
    static Analyzer forLanguage(String lang) {
        if (lang == null || lang.isEmpty()) return fallback();
        Analyzer a = Util.getLocalizedAnalyzer(lang);
        return a == null ? fallback() : a;
    }

    /** Whether literals in {@code lang} get a field of their own ({@code title_fr}): Lucene has an analyser for it. */
    static boolean hasOwnField(String lang) {
        return lang != null && !lang.isEmpty() && Util.getLocalizedAnalyzer(lang) != null;
    }

    private static final class BigramsWithEnglish extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream s = new CJKWidthFilter(source);
            s = new EnglishPossessiveFilter(s);
            s = new LowerCaseFilter(s);
            s = new CJKBigramFilter(s);
            s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            // Porter's rules only strip Latin suffixes: a pair of ideographs passes through unchanged
            s = new PorterStemFilter(s);
            return new TokenStreamComponents(source, s);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(new CJKWidthFilter(in));
        }
    }
}
