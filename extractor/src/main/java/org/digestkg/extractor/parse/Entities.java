package org.digestkg.extractor.parse;

/**
 * HTML character references in a digest's text, as markdown renders them: {@code &gt;} is {@code >}. Some forks
 * escape what their LLM wrote ({@code 载流子浓度&gt;10^20}); the text is the character, not the reference. Only
 * the references HTML escaping writes are decoded: the five of XML, {@code &nbsp;} and numeric ones.
 */
final class Entities {

    private Entities() {
    }

    static String decode(String s) {
        if (s == null || s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i + 1) : -1;
            if (semi > i + 1 && semi - i <= 10) {
                String name = s.substring(i + 1, semi);
                int cp = codePoint(name);
                if (cp >= 0) {
                    b.appendCodePoint(cp);
                    i = semi + 1;
                    continue;
                }
            }
            b.append(c);
            i++;
        }
        return b.toString();
    }

    private static int codePoint(String name) {
        switch (name) {
            case "lt":
                return '<';
            case "gt":
                return '>';
            case "amp":
                return '&';
            case "quot":
                return '"';
            case "apos":
                return '\'';
            case "nbsp":
                return '\u00A0';
            default:
                break;
        }
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                int cp = Integer.parseInt(name.substring(2), 16);
                return Character.isValidCodePoint(cp) && cp != 0 ? cp : -1;
            }
            if (name.startsWith("#")) {
                int cp = Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(cp) && cp != 0 ? cp : -1;
            }
        } catch (NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
