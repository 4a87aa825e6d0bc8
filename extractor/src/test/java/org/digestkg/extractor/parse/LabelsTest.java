package org.digestkg.extractor.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.digestkg.extractor.model.Field;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelsTest {

    private static final Labels LABELS = Labels.standard();

    @ParameterizedTest(name = "[{index}] '{0}'")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "TL;DR: text                       | TLDR       | TL;DR    | text   | false",
            "**TL;DR:** text                   | TLDR       | TL;DR    | text   | false",
            "**TL;DR**: text                   | TLDR       | TL;DR    | text   | false",
            "**TL;DR** ： text                  | TLDR       | TL;DR    | text   | false",
            "__Method:__ text                  | METHOD     | Method   | text   | false",
            "> Motivation: text                | MOTIVATION | Motivation | text | true",
            ">Motivation: text                 | MOTIVATION | Motivation | text | true",
            "> > **Result:** text              | RESULT     | Result   | text   | true",
            "Conclusion：text                   | CONCLUSION | Conclusion | text | false",
            "AI概要：text                        | TLDR       | AI概要    | text   | false",
            "动机：text                          | MOTIVATION | 动机      | text   | false",
            "方法: text                          | METHOD     | 方法      | text   | false",
            "结果：text                          | RESULT     | 结果      | text   | false",
            "结论：text                          | CONCLUSION | 结论      | text   | false",
            "原文摘要：text                       | ABSTRACT   | 原文摘要   | text   | false",
            "Abstract: text                    | ABSTRACT   | Abstract | text   | false",
            "Keywords: text                    | KEYWORDS   | Keywords | text   | false",
            "Key words: text                   | KEYWORDS   | Key words | text  | false",
            "Comment: text                     | COMMENT    | Comment  | text   | false",
            "Comments: text                    | COMMENT    | Comments | text   | false",
            "tl;dr: text                       | TLDR       | tl;dr    | text   | false",
    })
    void fieldLabels(String line, Field field, String printed, String rest, boolean quoted) {
        LabelMatch m = LABELS.match(line).orElseThrow(() -> new AssertionError("not a label: " + line));
        assertEquals(field, m.label().field());
        assertEquals(printed, m.printed());
        assertEquals(rest, m.rest().strip());
        assertEquals(quoted, m.quoted());
    }

    @ParameterizedTest(name = "[{index}] '{0}'")
    @ValueSource(strings = {"Main category: cs.CL", "**Main category: cs.CL**", "**Main category:** cs.CL",
            "Main Category：cs.CL", "主要类别：cs.CL", "> Main category: cs.CL"})
    void mainCategory(String line) {
        LabelMatch m = LABELS.match(line).orElseThrow();
        assertEquals(Label.Target.MAIN_CATEGORY, m.label().target());
        assertEquals("cs.CL", m.rest());
    }

    @ParameterizedTest(name = "[{index}] '{0}'")
    @ValueSource(strings = {"Introduction: In neurosurgery", "Results: we", "Methods: we", "Methodology: x",
            " TL;DR: indented", "TL;DR without colon", "The Abstract: mid-line", "*TL;DR:* italic",
            "Abstracts: plural", "Main category cs.CL", "", "**", "> "})
    void notLabels(String line) {
        assertEquals(Optional.empty(), LABELS.match(line));
    }

    @ParameterizedTest(name = "[{index}] '{0}'")
    @ValueSource(strings = {"TL;DR: x", "Motivation: x", "Method: x", "Result: x", "Conclusion: x", "Keywords: x"})
    void onlyTheAbstractRunsPastLabels(String line) {
        assertEquals(Label.Extent.UNTIL_NEXT_LABEL, LABELS.match(line).orElseThrow().label().extent());
        assertEquals(Label.Extent.UNTIL_STRUCTURE, LABELS.match("Abstract: x").orElseThrow().label().extent());
        assertTrue(LABELS.match("Main category: x").orElseThrow().label().extent() == Label.Extent.LINE);
    }
}
