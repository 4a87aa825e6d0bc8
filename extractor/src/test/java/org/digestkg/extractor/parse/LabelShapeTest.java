package org.digestkg.extractor.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What looks like the start of a field, whatever its label says. */
class LabelShapeTest {

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(delimiter = '¦', quoteCharacter = '"', value = {
            "Relevance: 85.0 ¦ Relevance ¦ relevance ¦ 85.0 ¦ PLAIN",
            "**与AI讨论:** [Discuss](https://x.y/z) ¦ 与AI讨论 ¦ 与ai讨论 ¦ [Discuss](https://x.y/z) ¦ BOLD",
            "**中文标题：一篇论文** ¦ 中文标题 ¦ 中文标题 ¦ 一篇论文 ¦ BOLD",
            "- Motivation: Why. ¦ Motivation ¦ motivation ¦ Why. ¦ PLAIN",
            "- **연구 배경 및 동기 (Motivation)**: 왜 ¦ 연구 배경 및 동기 (Motivation) ¦ 연구배경및동기motivation ¦ 왜 ¦ BOLD",
            "> **ai_Abstract:** An AI abstract. ¦ ai_Abstract ¦ aiabstract ¦ An AI abstract. ¦ BOLD",
            "实验 / 验证: 三个数据集。 ¦ 实验 / 验证 ¦ 实验验证 ¦ 三个数据集。 ¦ PLAIN",
            "Abstract (中文翻译): 翻译 ¦ Abstract (中文翻译) ¦ abstract中文翻译 ¦ 翻译 ¦ PLAIN",
            "**💡 大白话**: 一句话 ¦ 大白话 ¦ 大白话 ¦ 一句话 ¦ BOLD",
            "#### 📘 Detailed Summary ¦ Detailed Summary ¦ detailedsummary ¦ \"\" ¦ HEADING",
            "1. Problem: stated. ¦ Problem ¦ problem ¦ stated. ¦ PLAIN",
            "| 🎯 解决什么问题 | 评测不足。 | ¦ 解决什么问题 ¦ 解决什么问题 ¦ 评测不足。 ¦ TABLE",
            "Key words:one, two ¦ Key words ¦ keywords ¦ \"one, two\" ¦ PLAIN",
            "TL;DR：全角冒号 ¦ TL;DR ¦ tldr ¦ 全角冒号 ¦ PLAIN",
    })
    void labelLines(String line, String printed, String key, String rest, LabelMatch.Form form) {
        LabelShape.Line shape = LabelShape.of(line);
        assertEquals(printed, shape.printed(), line);
        assertEquals(key, shape.key(), line);
        assertEquals(rest, shape.rest().strip(), line);
        assertEquals(form, shape.form(), line);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"https://arxiv.org/abs/2603.00101", "We propose X, a method: it works", "10:30 at the venue",
            "*Ana Silva, Bo Li*", " TL;DR: indented", "[**[PDF]**](https://arxiv.org/pdf/1) | **Categories:** cs.CL",
            "This is a long sentence that goes on and on before it reaches a colon: text", "e.g. this: that", ""})
    void notLabelLines(String line) {
        assertNull(LabelShape.of(line), line);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(delimiter = '|', value = {"TL;DR|tldr", "TL; DR|tldr", "AI_Comments|aicomments", "Ｍａｉｎ category|maincategory",
            "🧩 TL;DR|tldr", "原文摘要|原文摘要"})
    void keysIgnoreCaseSpacesPunctuationEmojiAndWidth(String name, String key) {
        assertEquals(key, LabelShape.key(name));
    }
}
