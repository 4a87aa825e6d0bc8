package org.digestkg.extractor.model;

import java.text.Normalizer;

/**
 * An author's name as printed, and the person it identifies. Printings that differ only by case, by diacritics, by
 * a full stop after an initial, or by a hyphen instead of a space name one person: {@code Jean-Pierre Dupont},
 * {@code JEAN PIERRE DUPONT} and {@code Jean Pierre Dupónt} are one author; so are {@code J Smith} and
 * {@code J. Smith}. Homonyms merge (a digest gives nothing better to tell two people of one name apart); an alias
 * file merges what no rule can see ({@link AuthorAliases}).
 */
public final class AuthorName {

    private AuthorName() {
    }

    /**
     * The name as printed, tidied: Unicode NFC; {@code _} read as a space (arXiv listings sometimes glue names with
     * it); footnote markers ({@code *}, {@code †}, {@code ‡}) at the end dropped; whitespace folded to single spaces
     * and trimmed.
     */
    public static String normalise(String printed) {
        String s = Normalizer.normalize(printed, Normalizer.Form.NFC).replace('_', ' ');
        s = s.replaceAll("[\\s\\u00A0\\u3000]+", " ").strip();
        s = s.replaceAll("[\\s*†‡]+$", "");
        return s.isEmpty() ? printed.strip() : s;
    }

    /**
     * The person a printed name identifies, as a name: {@link #normalise normalised}, hyphens between parts read as
     * spaces, Latin letters without their diacritics, a lone initial followed by a full stop, and every part
     * capitalised with the rest in lower case. A name printed plainly ({@code Runjie Zhou}) is its own identity;
     * {@code runjie ZHOU}, {@code Rünjie Zhou} and {@code Runjie-Zhou} have the same one. Deterministic: the same
     * printing always gives the same identity, whatever else was read.
     */
    public static String identity(String printed) {
        String s = normalise(printed);
        StringBuilder b = new StringBuilder(s.length());
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        int previous = -1;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK && previous >= 0
                    && Character.UnicodeScript.of(previous) == Character.UnicodeScript.LATIN) {
                continue; // a diacritic on a Latin letter
            }
            if ((cp == '-' || cp == '\u2010' || cp == '\u2011') && previous >= 0 && Character.isLetter(previous)
                    && i < decomposed.length() && Character.isLetter(decomposed.codePointAt(i))) {
                cp = ' ';
            }
            cp = switch (cp) {
                case 'ł' -> 'l';
                case 'Ł' -> 'L';
                case 'ø' -> 'o';
                case 'Ø' -> 'O';
                case 'đ' -> 'd';
                case 'Đ' -> 'D';
                case 'ı' -> 'i';
                default -> cp;
            };
            b.appendCodePoint(cp);
            previous = cp;
        }
        String folded = Normalizer.normalize(b.toString(), Normalizer.Form.NFC).replaceAll(" +", " ").strip();
        StringBuilder out = new StringBuilder(folded.length() + 4);
        for (String part : folded.split(" ")) {
            if (part.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(capitalise(part));
            if (part.codePointCount(0, part.length()) == 1 && Character.isLetter(part.codePointAt(0))
                    && Character.UnicodeScript.of(part.codePointAt(0)) == Character.UnicodeScript.LATIN) {
                out.append('.'); // "J Smith" is "J. Smith"
            }
        }
        return out.length() == 0 ? s : out.toString();
    }

    /** The key two printings of one person share: the identity in lower case. */
    public static String key(String printed) {
        return identity(printed).toLowerCase(java.util.Locale.ROOT);
    }

    /** First letter of the part and of each piece after a full stop or apostrophe upper case, the rest lower. */
    private static String capitalise(String part) {
        StringBuilder b = new StringBuilder(part.length());
        boolean start = true;
        for (int i = 0; i < part.length(); ) {
            int cp = part.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                b.appendCodePoint(start ? Character.toTitleCase(cp) : Character.toLowerCase(cp));
                start = false;
            } else {
                b.appendCodePoint(cp);
                start = cp == '.' || cp == '\'' || cp == '’';
            }
        }
        return b.toString();
    }
}
