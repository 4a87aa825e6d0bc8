package org.digestkg.extractor.model;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the language a text is written in, for its literal's language tag: the digests' generator writes its
 * summaries in whatever language it was set to, so the tag cannot be assumed. Script counts decide between
 * writing systems; within Latin script a few stop words tell English from French, German, Spanish, Portuguese
 * and Italian. Linear in the text, no allocation per character.
 */
public final class Languages {

    /** What a text with no letters of a known script gets: BCP-47 "undetermined". */
    public static final String UNDETERMINED = "und";

    private Languages() {
    }

    /**
     * The BCP-47 tag of {@code text}: Hiragana or Katakana present gives "ja"; else Hangul outnumbering Han gives
     * "ko"; else Han gives "zh"; Cyrillic "ru"; Arabic "ar"; Latin "en" unless its stop words say fr/de/es/pt/it.
     * CJK characters count against Latin <em>words</em>, weighted 3 to 1, so a Chinese summary full of English
     * terms ("提出了AdaptMMBench基准") stays "zh" while an English text quoting a Chinese name stays "en".
     */
    public static String tag(String text) {
        if (text == null) return UNDETERMINED;
        int han = 0, kana = 0, hangul = 0, latinWords = 0, cyrillicWords = 0, arabicWords = 0;
        Character.UnicodeScript previous = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                previous = null;
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            boolean newWord = script != previous;
            previous = script;
            switch (script) {
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                case LATIN -> latinWords += newWord ? 1 : 0;
                case CYRILLIC -> cyrillicWords += newWord ? 1 : 0;
                case ARABIC -> arabicWords += newWord ? 1 : 0;
                default -> {
                }
            }
        }
        int cjk = han + kana + hangul;
        int alphabetic = Math.max(latinWords, Math.max(cyrillicWords, arabicWords));
        if (cjk == 0 && alphabetic == 0) return UNDETERMINED;
        if (cjk * 3 >= alphabetic) {
            if (kana > 0) return "ja";
            return hangul > han ? "ko" : "zh";
        }
        if (cyrillicWords == alphabetic && cyrillicWords > latinWords) return "ru";
        if (arabicWords == alphabetic && arabicWords > latinWords) return "ar";
        return latin(text);
    }

    // Short, frequent function words. A word may sit in several sets; the distinctive ones decide.
    private static final Map<String, Set<String>> STOP_WORDS = Map.of(
            "en", Set.of("the", "of", "and", "to", "in", "is", "that", "for", "with", "on", "are", "we", "this",
                    "by", "as", "from", "an", "be", "which", "our", "it", "these", "can", "at", "or", "a"),
            "fr", Set.of("le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "pour", "dans", "que",
                    "qui", "sur", "avec", "au", "aux", "nous", "ce", "cette", "sont", "par", "pas", "ne"),
            "de", Set.of("der", "die", "das", "und", "ist", "ein", "eine", "nicht", "mit", "zu", "den", "dem",
                    "von", "für", "auf", "wir", "sich", "des", "im", "werden", "wird", "auch", "dass", "sind", "oder"),
            "es", Set.of("el", "la", "los", "las", "de", "del", "y", "que", "en", "es", "un", "una", "para",
                    "con", "por", "se", "su", "al", "como", "más", "sus", "lo", "son", "este", "esta"),
            "pt", Set.of("o", "os", "a", "as", "de", "do", "da", "dos", "das", "e", "que", "em", "um", "uma",
                    "para", "com", "por", "não", "no", "na", "se", "é", "são", "mais", "ao"),
            "it", Set.of("il", "lo", "la", "gli", "le", "di", "del", "della", "e", "che", "è", "un", "una", "per",
                    "con", "non", "sono", "nel", "nella", "dei", "delle", "da", "al", "si", "questo"));

    private static final String[] OTHERS = {"fr", "de", "es", "pt", "it"};

    /**
     * English unless another language's stop words are clearly more frequent: at least two hits and more than
     * English's, so a stray "de la" in an English sentence does not flip it.
     */
    private static String latin(String text) {
        int[] hits = new int[OTHERS.length];
        int english = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (word.isEmpty() || word.length() > 7) continue;
            if (STOP_WORDS.get("en").contains(word)) english++;
            for (int k = 0; k < OTHERS.length; k++) {
                if (STOP_WORDS.get(OTHERS[k]).contains(word)) hits[k]++;
            }
        }
        int best = -1;
        for (int k = 0; k < OTHERS.length; k++) {
            if (hits[k] >= 2 && hits[k] > english && (best < 0 || hits[k] > hits[best])) best = k;
        }
        return best < 0 ? "en" : OTHERS[best];
    }
}
