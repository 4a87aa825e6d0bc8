package org.digestkg.extractor.parse;

/**
 * A line that starts a field.
 *
 * @param label   what the field is
 * @param printed the label as printed in the source (e.g. {@code TL;DR} or {@code 动机}), for messages and notes
 * @param rest    the text after the label and its colon, leading whitespace removed ("" for a heading-style label,
 *                whose value is on the next lines)
 * @param quoted  whether the line was a {@code > } quote, so continuation lines lose their quote marker too
 * @param form    how the label was printed
 * @param bullet  whether the line is a list item, so the value ends with the item
 */
record LabelMatch(Label label, String printed, String rest, boolean quoted, Form form, boolean bullet) {

    enum Form {
        /** {@code TL;DR: text} */
        PLAIN,
        /** {@code **TL;DR:** text}, {@code **TL;DR**: text}, {@code __TL;DR:__ text} */
        BOLD,
        /** A label alone on its line, the value below: {@code #### 🧩 TL;DR}, {@code **TL;DR**}, {@code <summary>}. */
        HEADING,
        /** A table row {@code | 🎯 Motivation | text |}. */
        TABLE
    }

    LabelMatch(Label label, String printed, String rest, boolean quoted) {
        this(label, printed, rest, quoted, Form.PLAIN, false);
    }

    LabelMatch(Label label, LabelShape.Line line) {
        this(label, line.printed(), line.rest(), line.quoted(), line.form(), line.bullet());
    }

    /** Whether this line ends a running abstract (see {@link Label#interrupts()}). */
    boolean interrupts() {
        return form != Form.PLAIN || label.interrupts();
    }
}
