package org.digestkg.explorer.web;

/** Text made writable in XML 1.0: the control characters XML cannot hold at all are dropped. */
final class Xml {

    private Xml() {
    }

    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || Character.isSurrogate(c) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && b == null) {
                b = new StringBuilder(s.substring(0, i));
            } else if (ok && b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
