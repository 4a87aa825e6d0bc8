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

    @ParameterizedTest(name = "[{index}] '{0}'")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "#### 🧩 TL;DR                    | TLDR                 | TL;DR             | \"\"",
            "#### 📄 Abstract                 | ABSTRACT             | Abstract          | \"\"",
            "### Abstract                     | ABSTRACT             | Abstract          | \"\"",
            "##### **Motivation**             | MOTIVATION           | Motivation        | \"\"",
            "#### Method:                     | METHOD               | Method            | \"\"",
            "#### TL;DR ####                  | TLDR                 | TL;DR             | \"\"",
            "#### TL;DR: on the line          | TLDR                 | TL;DR             | on the line",
            "> #### ✅ Conclusion             | CONCLUSION           | Conclusion        | \"\"",
            "**TL;DR**                        | TLDR                 | TL;DR             | \"\"",
            "**🧩 TL;DR**                     | TLDR                 | TL;DR             | \"\"",
            "**Original abstract:**           | ABSTRACT             | Original abstract | \"\"",
            "🧩 TL;DR: emoji before           | TLDR                 | TL;DR             | emoji before",
            "**📄 Abstract:** bold emoji      | ABSTRACT             | Abstract          | bold emoji",
            "Original abstract: text          | ABSTRACT             | Original abstract | text",
            "英文摘要：text                    | ABSTRACT             | 英文摘要           | text",
            "中文摘要：text                    | ABSTRACT_TRANSLATION | 中文摘要           | text",
            "摘要翻译: text                    | ABSTRACT_TRANSLATION | 摘要翻译           | text",
            "Translated title: text           | TRANSLATED_TITLE     | Translated title  | text",
            "中文标题：text                    | TRANSLATED_TITLE     | 中文标题           | text",
            "关键词：text                      | KEYWORDS             | 关键词             | text",
            "Keywords: text                   | KEYWORDS             | Keywords          | text",
            "备注：text                        | COMMENT              | 备注               | text",
            "要約：text                        | TLDR                 | 要約               | text",
            "결론: text                        | CONCLUSION           | 결론               | text",
    })
    void headingStyleAndOtherNames(String line, Field field, String printed, String rest) {
        LabelMatch m = LABELS.match(line).orElseThrow(() -> new AssertionError("not a label: " + line));
        assertEquals(field, m.label().field());
        assertEquals(printed, m.printed());
        assertEquals(rest, m.rest().strip());
    }

    @ParameterizedTest(name = "[{index}] '{0}'")
    @CsvSource(delimiter = '|', value = {
            "AI comments: x      | AI comments",
            "AI评论：x            | AI comments",
            "Relevance score: 8  | Relevance score",
            "相关性：高            | Relevance score",
            "Recommendation: x   | Recommendation",
            "推荐：x              | Recommendation",
            "Key contributions: x | Key contributions",
            "主要贡献：x           | Key contributions",
            "Limitations: x      | Limitations",
            "局限性：x             | Limitations",
            "Background: x       | Background",
            "背景：x              | Background",
            "Data: x             | Data",
            "数据：x              | Data",
    })
    void extraLabelsAreNotesUnderTheirCanonicalName(String line, String name) {
        LabelMatch m = LABELS.match(line).orElseThrow(() -> new AssertionError("not a label: " + line));
        assertEquals(Label.Target.NOTE, m.label().target());
        assertEquals(name, m.label().name());
    }

    @ParameterizedTest(name = "[{index}] '{0}'")
    @ValueSource(strings = {"Category: cs.CL, cs.AI", "主要类别：cs.CL", "Primary category: cs.CL", "**Category**: cs.CL"})
    void mainCategoryLabels(String line) {
        assertEquals(Label.Target.MAIN_CATEGORY, LABELS.match(line).orElseThrow().label().target());
    }

    @ParameterizedTest(name = "[{index}] '{0}'")
    @ValueSource(strings = {"Categories: cs.CL, cs.AI", "- **Categories**: cs.CL", "**Categories:** cs.CL, math.PR"})
    void everyCategoryLabels(String line) {
        assertEquals(Label.Target.CATEGORIES, LABELS.match(line).orElseThrow().label().target());
    }

    @ParameterizedTest(name = "[{index}] '{0}'")
    @ValueSource(strings = {"#### 🔬 Experiments", "##### Extra notes:", "#### **Risks**"})
    void unknownLevelFourHeadingsAreNotes(String line) {
        LabelMatch m = LABELS.match(line).orElseThrow();
        assertEquals(Label.Target.NOTE, m.label().target());
        assertTrue(m.label().name().matches("Experiments|Extra notes|Risks"), m.label().name());
        assertEquals(LabelMatch.Form.HEADING, m.form());
    }

    @ParameterizedTest(name = "[{index}] '{0}'")
    @ValueSource(strings = {"### Some Title", "## TL;DR", "# Abstract", "#### ", "#### 🧩", "#### 123", "#hashtag: x",
            "**Important finding**", "**Data** shows", "Datasets are: x", "Dataset", "> *translated title*",
            "<summary>Details</summary>", "#######  TL;DR"})
    void notLabelsEither(String line) {
        assertEquals(Optional.empty(), LABELS.match(line));
    }

    @ParameterizedTest(name = "[{index}] '{0}'")
    @CsvSource(delimiter = '|', value = {
            "<summary>📄 Abstract</summary>             | ABSTRACT",
            "<details><summary>TL;DR</summary>          | TLDR",
            "  <summary>**Original abstract**</summary> | ABSTRACT",
    })
    void summaryLinesNamingALabel(String line, Field field) {
        assertEquals(field, LABELS.matchSummary(line).orElseThrow().label().field());
    }

    @ParameterizedTest(name = "[{index}] '{0}'")
    @ValueSource(strings = {"<summary>Details</summary>", "<summary>Abstract</summary> trailing", "text <summary>TL;DR</summary>"})
    void summaryLinesThatAreLayout(String line) {
        assertEquals(Optional.empty(), LABELS.matchSummary(line));
    }

    /** Which labels end a running abstract: never the ones that also head a structured abstract's paragraphs. */
    @ParameterizedTest(name = "[{index}] '{0}'")
    @CsvSource(delimiter = '|', value = {
            "Result: x               | false",
            "结果：x                  | false",
            "Background: x           | false",
            "Data: x                 | false",
            "Main category: x        | false",
            "Keywords: x             | true",
            "Comment: x              | true",
            "AI comments: x          | true",
            "中文摘要：x               | true",
            "Abstract translation: x | true",
            "Abstract: x             | true",
            "**Result:** x           | true",
            "#### Result             | true",
            "#### 🔬 Experiments     | true",
    })
    void whatEndsAnAbstract(String line, boolean interrupts) {
        assertEquals(interrupts, LABELS.match(line).orElseThrow().interrupts());
    }
}
