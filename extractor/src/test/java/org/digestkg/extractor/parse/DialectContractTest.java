package org.digestkg.extractor.parse;

import static org.digestkg.extractor.model.Field.ABSTRACT;
import static org.digestkg.extractor.model.Field.ABSTRACT_TRANSLATION;
import static org.digestkg.extractor.model.Field.COMMENT;
import static org.digestkg.extractor.model.Field.CONCLUSION;
import static org.digestkg.extractor.model.Field.KEYWORDS;
import static org.digestkg.extractor.model.Field.METHOD;
import static org.digestkg.extractor.model.Field.MOTIVATION;
import static org.digestkg.extractor.model.Field.RESULT;
import static org.digestkg.extractor.model.Field.TLDR;
import static org.digestkg.extractor.model.Field.TRANSLATED_TITLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Note;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Problem;
import org.digestkg.extractor.model.Template;
import org.digestkg.extractor.model.Languages;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every template dialect passes. One small hand-written fixture per dialect form seen in the
 * generator's forks ({@code src/test/resources/digests/dialects}), its expectations written out here; each test
 * method is one clause of the contract and runs over every dialect.
 */
class DialectContractTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @TempDir
    Path tmp;

    // ---------------------------------------------------------------- the dialects and what they must give

    static Stream<Dialect> dialects() {
        return Stream.of(
                dialect("plain.md", "the generator's own template: plain labels, <details>, table of contents")
                        .claim("cs.CL", 2)
                        .paper(at(12, 1, "cs.CL", "Plain Labels: The Generator's Own Template",
                                "https://arxiv.org/abs/2603.00101", "2603.00101")
                                .authors("Ana Silva", "Bo Li", "Chen_Wei Zhang").main("cs.CL")
                                .field(TLDR, "提出了一个基准。").field(MOTIVATION, "现有评估不足。")
                                .field(METHOD, "1. 收集数据\n2. 训练模型").field(RESULT, "效果更好。")
                                .field(CONCLUSION, "方法有效。")
                                .field(ABSTRACT, "We introduce a benchmark.\nResults: this line is still the abstract.")
                                .lang(TLDR, "zh"))
                        .paper(at(37, 2, "cs.CL", "Second Plain Entry", "https://arxiv.org/abs/2603.00102v2",
                                "2603.00102v2")
                                .authors("David Eigen").main("cs.CL").field(TLDR, "Short.").field(MOTIVATION, "Why.")
                                .field(METHOD, "How.").field(RESULT, "What.").field(CONCLUSION, "So.")
                                .field(ABSTRACT, "An abstract.")),
                dialect("bold.md", "bold labels, colon inside (**TL;DR:**) and outside (**TL;DR**:)")
                        .paper(at(3, 1, "cs.CL", "Bold Labels Colon Inside", "https://arxiv.org/abs/2603.00201",
                                "2603.00201")
                                .authors("A. Author", "B. Author").main("cs.CL").field(TLDR, "Bold inside.")
                                .field(MOTIVATION, "Why, in bold.").field(METHOD, "How,\nover two lines.")
                                .field(RESULT, "What.").field(CONCLUSION, "So.")
                                .field(ABSTRACT, "An abstract whose second line\nKeywords-like text stays here.")
                                .field(KEYWORDS, "bold, labels"))
                        .paper(at(28, 2, "cs.CL", "Bold Labels Colon Outside", "https://arxiv.org/abs/2603.00202",
                                "2603.00202")
                                .authors("C. Author").main("cs.LG").field(TLDR, "Colon outside.")
                                .field(MOTIVATION, "Why.").field(METHOD, "How.").field(RESULT, "What.")
                                .field(CONCLUSION, "So.").field(ABSTRACT, "Last abstract.")),
                dialect("quoted.md", "quoted lines (> **TL;DR:** and > TL;DR:), values over several quoted lines")
                        .paper(at(3, 1, "cs.CV", "Quoted Labels", "https://arxiv.org/abs/2603.00301", "2603.00301")
                                .authors("A. Author").main("cs.CV").field(TLDR, "Quoted and bold\nover two lines.")
                                .field(MOTIVATION, "Quoted motivation.")
                                .field(METHOD, "Quoted method\nwith a second line.")
                                .field(RESULT, "Quoted result.").field(CONCLUSION, "Quoted conclusion.")
                                .field(ABSTRACT, "A quoted abstract.\nResult: still the abstract."))
                        .paper(at(28, 2, "cs.CV", "Plain Quotes", "https://arxiv.org/abs/2603.00302", "2603.00302")
                                .authors("B. Author").main("cs.CV").field(TLDR, "Plain quoted.")
                                .field(ABSTRACT, "Plain quoted abstract.")),
                dialect("chinese.md", "Chinese labels, full-width colons (主要类别：, AI概要：, 原文摘要：, 中文摘要：)")
                        .paper(at(3, 1, "cs.AI", "Chinese Labels With Full-Width Colons",
                                "https://arxiv.org/abs/2603.00401", "2603.00401")
                                .authors("张三", "李四").main("cs.AI").field(TLDR, "一句话总结。")
                                .field(MOTIVATION, "为什么要做。").field(METHOD, "怎么做的。")
                                .field(RESULT, "做出了什么。").field(CONCLUSION, "结论如此。")
                                .field(ABSTRACT, "The original abstract.\n结果：这一行仍属于摘要。")
                                .field(ABSTRACT_TRANSLATION, "原始摘要的中文翻译。")
                                .lang(TLDR, "zh").lang(ABSTRACT_TRANSLATION, "zh"))
                        .paper(at(28, 2, "cs.AI", "Mixed Colons", "https://arxiv.org/abs/2603.00402", "2603.00402")
                                .authors("王五").main("cs.AI").field(TLDR, "半角冒号。").field(MOTIVATION, "全角冒号。")
                                .field(ABSTRACT, "English abstract here.")
                                .field(ABSTRACT_TRANSLATION, "这里是摘要的翻译。")),
                dialect("headings.md", "heading-style labels (#### 🧩 TL;DR, **TL;DR** alone, <summary>) with the value below")
                        .paper(at(3, 1, "cs.LG", "Heading-Style Labels", "https://arxiv.org/abs/2603.00501",
                                "2603.00501")
                                .authors("A. Author", "B. Author").main("cs.LG")
                                .field(TLDR, "A summary under a heading\non two lines.").field(MOTIVATION, "Why.")
                                .field(METHOD, "How.").field(RESULT, "What.").field(CONCLUSION, "So.")
                                .note("Experiments", "Run on four datasets.")
                                .field(ABSTRACT, "The abstract under a heading.\nResults: still the abstract."))
                        .paper(at(31, 2, "cs.LG", "Bold Names Alone", "https://arxiv.org/abs/2603.00502",
                                "2603.00502")
                                .authors("C. Author").main("cs.LG").field(TLDR, "Bold name alone.")
                                .field(ABSTRACT, "Abstract after a bold name.")
                                .note("Abstract", "Abstract inside a summary block, kept as a second abstract."))
                        .warning(43, "second Original abstract in the entry; kept as a note, the first one counts"),
                dialect("synonyms.md", "other names: Category: with several codes, Key words:, Comments:, Original abstract:, Authors:")
                        .paper(at(3, 1, "cs.CL", "Other Names for the Same Labels", "https://arxiv.org/abs/2603.00601",
                                "2603.00601")
                                .authors("A. Author").main("cs.CL").categories("cs.CL", "cs.AI", "cs.LG")
                                .field(TLDR, "Summary.").field(KEYWORDS, "one, two").field(COMMENT, "12 pages, 3 figures")
                                .field(ABSTRACT, "The abstract under another name."))
                        .paper(at(15, 2, "cs.CL", "Authors as a Label", "https://arxiv.org/abs/2603.00603",
                                "2603.00603")
                                .authors("C. Author", "D. Author").main("cs.CL")
                                .note("Main category", "cs.CL (Computation and Language)")
                                .field(TLDR, "Labelled authors.")),
                dialect("translated-title.md", "a translated title line > *…* under the heading")
                        .paper(at(3, 1, "cs.CV", "A Translated Title Line", "https://arxiv.org/abs/2603.00701",
                                "2603.00701")
                                .authors("A. Author", "B. Author").main("cs.CV")
                                .field(TRANSLATED_TITLE, "一行翻译的标题").field(TLDR, "标题下面有译文。"))
                        .paper(at(12, 2, "cs.CV", "Translated Title Without a Blank Line",
                                "https://arxiv.org/abs/2603.00702", "2603.00702")
                                .authors("C. Author").main("cs.CV")
                                .field(TRANSLATED_TITLE, "没有空行的译名").field(TLDR, "直接跟作者。")),
                dialect("authors-category-line.md", "authors and category on one line: *A, B* | **Main category: cs.CL**")
                        .paper(at(3, 1, "cs.CL", "Authors and Category on One Line",
                                "https://arxiv.org/abs/2603.00801", "2603.00801")
                                .authors("A. Author", "B. Author").main("cs.CL").field(TLDR, "One line for both."))
                        .paper(at(8, 2, "cs.CL", "Plain Label After the Bar", "https://arxiv.org/abs/2603.00802",
                                "2603.00802")
                                .authors("C. Author", "Mariia Gladkova*").main("cs.LG")
                                .field(TLDR, "A plain label after the bar."))
                        .paper(at(13, 3, "cs.CL", "Bare Code After the Bar", "https://arxiv.org/abs/2603.00803",
                                "2603.00803")
                                .authors("D. Author").main("cs.AI").field(TLDR, "Only a code after the bar.")),
                dialect("authors-separators.md", "authors joined by ',' or ', ' or '，'; a blank line before the authors")
                        .paper(at(3, 1, "cs.CL", "Comma Without Space", "https://arxiv.org/abs/2603.00901",
                                "2603.00901")
                                .authors("Young-Jun_Lee", "Ana Silva", "Mariia Gladkova*").main("cs.CL"))
                        .paper(at(8, 2, "cs.CL", "Comma and Space, Blank Line Before",
                                "https://arxiv.org/abs/2603.00902", "2603.00902")
                                .authors("Ana Silva", "Bo Li", "Chen Wei").main("cs.CL"))
                        .paper(at(14, 3, "cs.CL", "Full-Width Commas", "https://arxiv.org/abs/2603.00903",
                                "2603.00903")
                                .authors("张三", "李四", "王五").main("cs.CL")),
                dialect("category-placement.md", "main category inside <details>, or missing")
                        .paper(at(3, 1, "cs.CV", "Main Category Inside Details", "https://arxiv.org/abs/2603.01001",
                                "2603.01001")
                                .authors("A. Author").main("cs.CV").field(TLDR, "Category comes later.")
                                .field(ABSTRACT, "The abstract."))
                        .paper(at(14, 2, "cs.CV", "No Main Category At All", "https://arxiv.org/abs/2603.01002",
                                "2603.01002")
                                .authors("B. Author").main(null).field(TLDR, "None given."))
                        .warning(14, "entry has no 'Main category:' line; main category left empty"),
                dialect("no-details.md", "no <details> at all; the abstract runs to the end of the entry")
                        .paper(at(3, 1, "cs.RO", "No Details Block", "https://arxiv.org/abs/2603.01101", "2603.01101")
                                .authors("A. Author").main("cs.RO").field(TLDR, "Summary.").field(MOTIVATION, "Why.")
                                .field(METHOD, "How.").field(RESULT, "What.").field(CONCLUSION, "So.")
                                .field(ABSTRACT, "An abstract that runs\nto the end of the entry."))
                        .paper(at(16, 2, "cs.RO", "Another Without Details", "https://arxiv.org/abs/2603.01102",
                                "2603.01102")
                                .authors("B. Author").main("cs.RO").field(TLDR, "Second.")
                                .field(ABSTRACT, "Second abstract.")),
                dialect("rules.md", "--- *** - - - rules inside and between entries")
                        .paper(at(5, 1, "cs.CL", "Rules Inside an Entry", "https://arxiv.org/abs/2603.01201",
                                "2603.01201")
                                .authors("A. Author").main("cs.CL").field(TLDR, "Between two rules.")
                                .field(ABSTRACT, "Ends at the rule."))
                        .paper(at(20, 2, "cs.CL", "Rule Between Entries", "https://arxiv.org/abs/2603.01202",
                                "2603.01202")
                                .authors("B. Author").main("cs.CL").field(TLDR, "Last.")),
                dialect("out-of-order.md", "entries numbered out of order, twice, or not at all")
                        .paper(at(3, 5, "cs.CL", "Fifth First", "https://arxiv.org/abs/2603.01305", "2603.01305")
                                .authors("A. Author").main("cs.CL"))
                        .paper(at(8, 2, "cs.CL", "Second Next", "https://arxiv.org/abs/2603.01302", "2603.01302")
                                .authors("B. Author").main("cs.CL"))
                        .paper(at(13, 2, "cs.CL", "Second Again", "https://arxiv.org/abs/2603.01312", "2603.01312")
                                .authors("C. Author").main("cs.CL"))
                        .paper(at(18, 0, "cs.CL", "No Number", "https://arxiv.org/abs/2603.01300", "2603.01300")
                                .authors("D. Author").main("cs.CL")),
                dialect("toc-level2.md", "table of contents and category headings at ##")
                        .claim("cs.CV", 1).claim("cs.LG", 1)
                        .paper(at(12, 1, "cs.CV", "Level Two Category", "https://arxiv.org/abs/2603.01401",
                                "2603.01401")
                                .authors("A. Author").main("cs.CV"))
                        .paper(at(21, 2, "cs.LG", "Level Two Without Back Link", "https://arxiv.org/abs/2603.01402",
                                "2603.01402")
                                .authors("B. Author").main("cs.LG")),
                dialect("toc-chinese.md", "table of contents in Chinese: # 目录, [总数: N], category heading named in Chinese")
                        .claim("cs.CV", 1).claim("cs.CL", 1)
                        .paper(at(12, 1, "cs.CV", "Chinese Table of Contents", "https://arxiv.org/abs/2603.01501",
                                "2603.01501")
                                .authors("A. Author").main("cs.CV"))
                        .paper(at(21, 2, "cs.CL", "Category Named in Chinese", "https://arxiv.org/abs/2603.01502",
                                "2603.01502")
                                .authors("B. Author").main("cs.CL")),
                dialect("no-toc.md", "no table of contents and no category headings")
                        .paper(at(1, 1, null, "No Table of Contents", "https://arxiv.org/abs/2603.01601", "2603.01601")
                                .authors("A. Author").main("cs.CL"))
                        .paper(at(6, 2, null, "No Category Headings Either", "https://arxiv.org/abs/2603.01602",
                                "2603.01602")
                                .authors("B. Author").main("cs.CV")),
                dialect("date-heading.md", "a leading # YYYY-MM-DD line")
                        .claim("cs.CL", 1)
                        .paper(at(9, 1, "cs.CL", "After a Date Heading", "https://arxiv.org/abs/2603.01701",
                                "2603.01701")
                                .authors("A. Author").main("cs.CL")),
                dialect("extra-fields.md", "fields beyond the canonical five, in English")
                        .paper(at(3, 1, "cs.CL", "Every Extra Field", "https://arxiv.org/abs/2603.01801", "2603.01801")
                                .authors("A. Author").main("cs.CL").field(TRANSLATED_TITLE, "每个额外字段")
                                .field(TLDR, "Summary.").field(KEYWORDS, "extra, fields")
                                .field(COMMENT, "Accepted at ACL 2026")
                                .note("AI comments", "A solid paper.").note("Relevance score", "8/10")
                                .note("Recommendation", "Read it.").note("Key contributions", "1. One\n2. Two")
                                .note("Limitations", "Small data.").note("Background", "Prior work.")
                                .note("Data", "Three corpora.")
                                .field(ABSTRACT, "The abstract.\nBackground: structured abstracts keep their own headings.")
                                .field(ABSTRACT_TRANSLATION, "摘要的翻译。"))
                        .paper(at(35, 2, "cs.CL", "Extra Fields After the Abstract", "https://arxiv.org/abs/2603.01802",
                                "2603.01802")
                                .authors("B. Author").main("cs.CL").field(ABSTRACT, "The abstract.")
                                .field(COMMENT, "9 pages").note("AI comments", "Comes after the abstract.")),
                dialect("extra-fields-chinese.md", "fields beyond the canonical five, in Chinese")
                        .paper(at(3, 1, "cs.CL", "Chinese Extra Fields", "https://arxiv.org/abs/2603.01901", "2603.01901")
                                .authors("张三").main("cs.CL").field(TRANSLATED_TITLE, "中文的标题").field(TLDR, "总结。")
                                .field(KEYWORDS, "大模型，评测").field(COMMENT, "已被ACL 2026接收")
                                .note("AI comments", "值得一读。").note("Relevance score", "高")
                                .note("Recommendation", "推荐阅读").note("Key contributions", "提出新基准。")
                                .note("Limitations", "数据较少。").note("Background", "相关工作。")
                                .note("Data", "三个语料库。").field(ABSTRACT, "The abstract.")
                                .field(ABSTRACT_TRANSLATION, "摘要的翻译。")),
                dialect("failed.md", "failed summaries: Error, N/A, **Error**, in fields, notes and heading labels")
                        .paper(at(3, 1, "cs.CL", "Failed Summaries", "https://arxiv.org/abs/2603.02001", "2603.02001")
                                .authors("A. Author").main("cs.CL").field(RESULT, "Real result.")
                                .field(ABSTRACT, "Real abstract.").failed(TLDR, MOTIVATION, METHOD, CONCLUSION))
                        .paper(at(20, 2, "cs.CL", "Heading Labels That Failed", "https://arxiv.org/abs/2603.02002",
                                "2603.02002")
                                .authors("B. Author").main("cs.CL").field(ABSTRACT, "Fine abstract.").failed(TLDR))
                        .warning(8, "TL;DR is 'Error' (failed summary); recorded as absent")
                        .warning(12, "Motivation is 'N/A' (failed summary); recorded as absent")
                        .warning(13, "Method is '**Error**' (failed summary); recorded as absent")
                        .warning(15, "Conclusion is 'error' (failed summary); recorded as absent")
                        .warning(16, "AI comments is 'Error' (failed summary); recorded as absent")
                        .warning(25, "TL;DR is 'Error' (failed summary); recorded as absent"),
                dialect("links.md", "links that are not arXiv (DOI, OpenReview) and arXiv mirrors")
                        .paper(at(3, 1, "cs.LG", "A DOI Link", "https://doi.org/10.1145/3580305.3599256", null)
                                .authors("A. Author").main("cs.LG"))
                        .paper(at(8, 2, "cs.LG", "An OpenReview Link", "https://openreview.net/forum?id=abc_DEF", null)
                                .authors("B. Author").main("cs.LG"))
                        .paper(at(13, 3, "cs.LG", "An alphaXiv Mirror", "https://www.alphaxiv.org/abs/2603.02103",
                                "2603.02103")
                                .authors("C. Author").main("cs.LG"))
                        .paper(at(18, 4, "cs.LG", "A Hugging Face Mirror", "https://huggingface.co/papers/2603.02104",
                                "2603.02104")
                                .authors("D. Author").main("cs.LG"))
                        .paper(at(23, 5, "cs.LG", "A papers.cool Mirror", "https://papers.cool/arxiv/2603.02105v3",
                                "2603.02105v3")
                                .authors("E. Author").main("cs.LG"))
                        .paper(at(28, 6, "cs.LG", "An arXiv PDF Link", "http://arxiv.org/pdf/2603.02106v1.pdf",
                                "2603.02106v1")
                                .authors("F. Author").main("cs.LG"))
                        .warning(3, "link 'https://doi.org/10.1145/3580305.3599256' is not an arXiv URL; paper has no"
                                + " arXiv id and is identified by its URL (DOI 10.1145/3580305.3599256)")
                        .warning(8, "link 'https://openreview.net/forum?id=abc_DEF' is not an arXiv URL; paper has no"
                                + " arXiv id and is identified by its URL"),
                dialect("languages.md", "summaries in English, Chinese, Japanese and Korean: language tags follow the text")
                        .paper(at(3, 1, "cs.CL", "English Summaries", "https://arxiv.org/abs/2603.02201", "2603.02201")
                                .authors("A. Author").main("cs.CL")
                                .field(TLDR, "We show that the method works well on all of the benchmarks.")
                                .lang(TLDR, "en"))
                        .paper(at(10, 2, "cs.CL", "Chinese Summaries", "https://arxiv.org/abs/2603.02202", "2603.02202")
                                .authors("B. Author").main("cs.CL").field(TLDR, "本文提出了一种新的大语言模型评测方法。")
                                .lang(TLDR, "zh"))
                        .paper(at(17, 3, "cs.CL", "Japanese Summaries", "https://arxiv.org/abs/2603.02203", "2603.02203")
                                .authors("C. Author").main("cs.CL").field(TLDR, "本研究では、大規模言語モデルの新しい評価手法を提案する。")
                                .lang(TLDR, "ja"))
                        .paper(at(24, 4, "cs.CL", "Korean Summaries", "https://arxiv.org/abs/2603.02204", "2603.02204")
                                .authors("D. Author").main("cs.CL").field(TLDR, "본 논문은 대규모 언어 모델의 새로운 평가 방법을 제안한다.")
                                .lang(TLDR, "ko")));
    }

    // ---------------------------------------------------------------- the contract

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void everyEntryIsAPaper(Dialect d) {
        RecordingSink sink = d.parse();
        assertEquals(d.titles(), sink.papers.stream().map(Paper::title).toList(), d.file);
        assertEquals(List.of(), messages(sink.rejected), d.file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void headingLineRankSectionLinkAndId(Dialect d) {
        RecordingSink sink = d.parse();
        assertEquals(d.each(e -> e.line), sink.papers.stream().map(Paper::line).toList(), d.file + " lines");
        assertEquals(d.each(e -> e.rank), sink.papers.stream().map(Paper::rank).toList(), d.file + " ranks");
        assertEquals(d.each(e -> e.section), sink.papers.stream().map(Paper::section).toList(), d.file + " sections");
        assertEquals(d.each(e -> e.link), sink.papers.stream().map(Paper::link).toList(), d.file + " links");
        assertEquals(d.each(e -> e.arxivId), sink.papers.stream()
                .map(p -> p.arxivId() == null ? null : p.arxivId().toString()).toList(), d.file + " ids");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void exactAuthorLists(Dialect d) {
        assertEquals(d.each(e -> e.authors), d.parse().papers.stream().map(Paper::authors).toList(), d.file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void mainCategory(Dialect d) {
        assertEquals(d.each(e -> e.main), d.parse().papers.stream().map(Paper::mainCategory).toList(), d.file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void everyCategoryInOrder(Dialect d) {
        assertEquals(d.each(e -> e.categories), d.parse().papers.stream().map(Paper::categories).toList(), d.file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void exactFieldsInSourceOrder(Dialect d) {
        List<Paper> papers = d.parse().papers;
        for (int i = 0; i < papers.size(); i++) {
            Expected e = d.papers.get(i);
            assertEquals(e.fields, papers.get(i).fields(), d.file + " " + e.title);
            assertEquals(List.copyOf(e.fields.keySet()), List.copyOf(papers.get(i).fields().keySet()),
                    d.file + " " + e.title + " field order");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void exactNotes(Dialect d) {
        assertEquals(d.each(e -> e.notes), d.parse().papers.stream().map(Paper::notes).toList(), d.file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void failedFieldsAreAbsentAndListed(Dialect d) {
        List<Paper> papers = d.parse().papers;
        assertEquals(d.each(e -> e.failed), papers.stream().map(Paper::failed).toList(), d.file);
        for (Paper p : papers) {
            p.failed().forEach(f -> assertTrue(!p.fields().containsKey(f), d.file + " " + f + " both failed and present"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void onlyTheExpectedWarnings(Dialect d) {
        assertEquals(d.warnings, messages(d.parse().warnings), d.file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void claimedCounts(Dialect d) {
        assertEquals(d.claims, d.parse().claims, d.file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void everyTextIsVerbatimFromTheFile(Dialect d) throws IOException {
        String text = Files.readString(d.path(), StandardCharsets.UTF_8);
        // quoted values lose their "> " markers, so compare them with unquoted lines
        String unquoted = text.lines().map(l -> l.replaceFirst("^(>[ \\t]?)+", "")).collect(Collectors.joining("\n"));
        for (Paper p : d.parse().papers) {
            assertTrue(text.contains("[" + p.title() + "](" + p.link() + ")"), d.file + " " + p.title());
            p.authors().forEach(a -> assertTrue(text.contains(a), d.file + " " + a));
            p.fields().values().forEach(v -> assertTrue(unquoted.contains(v), d.file + " " + v));
            p.notes().forEach(n -> assertTrue(unquoted.contains(n.text()), d.file + " " + n));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void languageTagsFollowTheText(Dialect d) {
        List<Paper> papers = d.parse().papers;
        for (int i = 0; i < papers.size(); i++) {
            Paper p = papers.get(i);
            d.papers.get(i).languages.forEach((f, tag) -> assertEquals(tag, Languages.tag(p.field(f)), d.file + " " + f));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void eventsStreamInFileOrder(Dialect d) {
        RecordingSink sink = d.parse();
        assertEquals("start", sink.events.get(0));
        assertEquals("finish", sink.events.get(sink.events.size() - 1));
        assertEquals(1, sink.starts);
        assertEquals(1, sink.finishes);
        List<Integer> lines = sink.papers.stream().map(Paper::line).toList();
        assertEquals(lines.stream().sorted().toList(), lines, d.file);
    }

    /** Windows line ends and a byte-order mark change nothing, in any dialect. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void sameResultWithCrlfAndBom(Dialect d) throws IOException {
        String text = Files.readString(d.path(), StandardCharsets.UTF_8);
        Path crlf = tmp.resolve(d.file);
        Files.writeString(crlf, "\uFEFF" + text.replace("\n", "\r\n"), StandardCharsets.UTF_8);
        RecordingSink original = d.parse();
        RecordingSink windows = parse(crlf, d.file);
        assertEquals(original.papers, windows.papers, d.file);
        assertEquals(messages(original.warnings), messages(windows.warnings), d.file);
        assertEquals(original.claims, windows.claims, d.file);
    }

    // ---------------------------------------------------------------- templates inferred from recurrence

    /**
     * The same three papers ({@link #TRUTH}) rendered with the templates of the survey in
     * {@code template-labels.txt} ({@code src/test/resources/digests/templates}, each fork named below), as each fork's
     * converter would print them: every digest must give back exactly what the template shows. The papers carry the
     * traps of real summaries, which must stay text: a "整体总结：" line inside a TL;DR, a bold "**Step 1:**" run-in
     * heading inside a method, a result starting "Step 1:", abstracts with "Results:", "Background:" and
     * "Conclusion:" lines, a list inside a method, a title with brackets and LaTeX, names with "_" and accents.
     */
    static final List<Truth> TRUTH = List.of(
            new Truth("2603.10001", "Shared Truth: A First Paper", List.of("Ana Silva", "Bo Li", "Chen_Wei Zhang"),
                    "cs.CL", List.of("cs.CL", "cs.AI"), Map.of(TLDR, "提出了一个新基准。\n整体总结：方法简单有效。",
                    MOTIVATION, "Existing evaluations are narrow.",
                    METHOD, "1. Collect data\n**Step 1:** clean it\n2. Train the model", RESULT, "Better by 3 points.",
                    CONCLUSION, "It works.", ABSTRACT, "We introduce a benchmark.\nResults: this line is still the abstract.",
                    TRANSLATED_TITLE, "第一篇论文", ABSTRACT_TRANSLATION, "我们提出一个基准。",
                    KEYWORDS, "benchmarks, evaluation", COMMENT, "12 pages")),
            new Truth("2603.10002", "Second Paper on $\\mathcal{O}(n)$ Things", List.of("David Eigen", "Émilie Durand"),
                    "cs.LG", List.of("cs.LG"), Map.of(TLDR, "Short.", MOTIVATION, "Why it matters.", METHOD, "Plain method.",
                    RESULT, "Step 1: a result that starts like a label.", CONCLUSION, "So.",
                    ABSTRACT, "An abstract on one line.", TRANSLATED_TITLE, "第二篇论文", ABSTRACT_TRANSLATION, "一个摘要。",
                    KEYWORDS, "scaling", COMMENT, "ICML 2026")),
            new Truth("2603.10003", "[Re] Third Paper", List.of("Y. Ng"), "cs.CV", List.of("cs.CV", "cs.LG", "eess.IV"),
                    Map.of(TLDR, "A third summary.", MOTIVATION, "Motivated.", METHOD, "Uses a list:\n- first\n- second",
                    RESULT, "Fine.", CONCLUSION, "Done.",
                    ABSTRACT, "Background: structured abstracts keep their headings.\nConclusion: this is still the abstract.",
                    TRANSLATED_TITLE, "第三篇论文", ABSTRACT_TRANSLATION, "第三个摘要。", KEYWORDS, "vision",
                    COMMENT, "Accepted at CVPR")));

    private static final Field[] FIVE_AND_ABSTRACT = {TLDR, MOTIVATION, METHOD, RESULT, CONCLUSION, ABSTRACT};
    private static final String[] CANONICAL_FIELDS = {"Main category=main category", "TL;DR=tldr", "Details=heading",
            "Motivation=motivation", "Method=method", "Result=result", "Conclusion=conclusion", "Abstract=abstract"};

    static Stream<TemplateCase> templates() {
        return Stream.of(
                template("canonical.md", "dw-dengwei's own, as zzhaozeng, braveIcan, yukari502 and most forks print it")
                        .shows(FIVE_AND_ABSTRACT).fields(CANONICAL_FIELDS),
                template("tldr-older.md", "the generator's April 2025 template, TLDR: (Runnoob123)").shows(FIVE_AND_ABSTRACT)
                        .fields("Main category=main category", "TLDR=tldr", "Details=heading", "Motivation=motivation",
                                "Method=method", "Result=result", "Conclusion=conclusion", "Abstract=abstract"),
                template("relevance.md", "an unknown label between the category and the TL;DR (merlinarer)")
                        .shows(FIVE_AND_ABSTRACT).notes(t -> List.of(new Note("Relevance", "85.0")))
                        .fields("Main category=main category", "Relevance=note", "TL;DR=tldr", "Details=heading",
                                "Motivation=motivation", "Method=method", "Result=result", "Conclusion=conclusion",
                                "Abstract=abstract"),
                template("original-abstract-translation.md", "Original Abstract: and 中文摘要翻译: (hems354)")
                        .shows(TLDR, MOTIVATION, METHOD, RESULT, CONCLUSION, ABSTRACT, ABSTRACT_TRANSLATION)
                        .fields("Main category=main category", "TL;DR=tldr", "Details=heading", "Motivation=motivation",
                                "Method=method", "Result=result", "Conclusion=conclusion", "Original Abstract=abstract",
                                "中文摘要翻译=abstract translation"),
                template("title-and-abstract-after.md", "中文标题: and 中文摘要: after the abstract (scouthe)")
                        .shows(TLDR, MOTIVATION, METHOD, RESULT, CONCLUSION, ABSTRACT, TRANSLATED_TITLE, ABSTRACT_TRANSLATION)
                        .fields("Main category=main category", "TL;DR=tldr", "Details=heading", "Motivation=motivation",
                                "Method=method", "Result=result", "Conclusion=conclusion", "Abstract=abstract",
                                "中文标题=translated title", "中文摘要=abstract translation"),
                template("abstract-parenthesised.md", "Abstract (中文翻译): (coder-syl)")
                        .shows(TLDR, MOTIVATION, METHOD, RESULT, CONCLUSION, ABSTRACT, ABSTRACT_TRANSLATION)
                        .fields("Main category=main category", "TL;DR=tldr", "Details=heading", "Motivation=motivation",
                                "Method=method", "Result=result", "Conclusion=conclusion", "Abstract=abstract",
                                "Abstract (中文翻译)=abstract translation"),
                template("placeholders.md", "Source: and an empty Matched keywords:; every summary failed (Iron-Wph)")
                        .shows(ABSTRACT).failed(TLDR, MOTIVATION, METHOD, RESULT, CONCLUSION)
                        .notes(t -> List.of(new Note("Source", "arxiv / arXiv"))).warnings(18)
                        .fields("Main category=main category", "Source=note", "Matched keywords=note", "TL;DR=tldr",
                                "Details=heading", "Motivation=motivation", "Method=method", "Result=result",
                                "Conclusion=conclusion", "Abstract=abstract"),
                template("chinese-labels.md", "Chinese labels, full-width colons, <summary>详细信息</summary> (cuiliyuan121)")
                        .shows(FIVE_AND_ABSTRACT)
                        .fields("主分类=main category", "一句话总结=tldr", "详细信息=heading", "研究动机=motivation",
                                "方法=method", "结果=result", "结论=conclusion", "原始摘要=abstract"),
                template("math-template.md", "Techniques:, Main Theorems:, Significance: in place of three fields (peiyade)")
                        .shows(TLDR, MOTIVATION, ABSTRACT)
                        .notes(t -> List.of(new Note("Techniques", "Energy estimates."),
                                new Note("Main Theorems", "Global existence."), new Note("Significance", "Closes a gap.")))
                        .fields("Main category=main category", "TL;DR=tldr", "Details=heading", "Motivation=motivation",
                                "Techniques=note", "Main Theorems=note", "Significance=note", "Abstract=abstract"),
                template("bold-chinese-discuss.md", "bold Chinese labels and a **与AI讨论:** link before the abstract (dkhonker)")
                        .shows(FIVE_AND_ABSTRACT)
                        .notes(t -> List.of(new Note("与AI讨论", "[Discuss with Kimi](https://kimi.example/chat?q=" + t.id + ")")))
                        .fields("主要类别=main category", "AI概要=tldr", "更多=heading", "动机=motivation", "方法=method",
                                "结果=result", "结论=conclusion", "与AI讨论=note", "原文摘要=abstract"),
                template("bold-title-translation.md", "a bold **中文标题：…** line between heading and authors (no9probe)")
                        .shows(TRANSLATED_TITLE, TLDR, MOTIVATION, METHOD, RESULT, CONCLUSION, ABSTRACT_TRANSLATION)
                        .fields("中文标题=translated title", "主要分类=main category", "摘要简述=tldr", "详细信息=heading",
                                "研究动机=motivation", "研究方法=method", "研究结果=result", "研究结论=conclusion",
                                "摘要=abstract"),
                template("bullets-no-details.md", "labels as bullets (- Motivation: …), no <details> (n6qXdqKA)")
                        .shows(TLDR, MOTIVATION, METHOD, RESULT, CONCLUSION)
                        .fields("Main category=main category", "TL;DR=tldr", "Motivation=motivation", "Method=method",
                                "Result=result", "Conclusion=conclusion"),
                template("bold-colon-inside.md", "bold labels, colon inside, a blank line after the heading (ZL-Asica)")
                        .shows(FIVE_AND_ABSTRACT).fields(CANONICAL_FIELDS),
                template("quoted-and-bars.md", "> *title*, authors | **Category:** | **Updated:**, quoted TL;DR, AI_Comments (xmkxabc)")
                        .shows(TRANSLATED_TITLE, KEYWORDS, COMMENT, TLDR, MOTIVATION, METHOD, RESULT, CONCLUSION,
                                ABSTRACT_TRANSLATION).categoriesIfSeveral()
                        .notes(t -> List.of(new Note("Updated", "2026-03-01"),
                                new Note("AI_Comments", "A solid paper.\nIt is worth a read."),
                                new Note("ai_Abstract", "An AI abstract.")))
                        .fields("> *…*=translated title", "Category=main category", "Updated=note", "Keywords=keywords",
                                "Comment=comment", "TL;DR=tldr", "AI_Comments=note", "Details=heading",
                                "Motivation=motivation", "Method=method", "Result=result", "Conclusion=conclusion",
                                "ai_Abstract=note", "摘要翻译=abstract translation"),
                template("heading-labels.md", "#### 🧩 TL;DR headings, a heading over bold labels, --- rules, no category (hppeace)")
                        .shows(FIVE_AND_ABSTRACT).noMainCategory().warnings(3)
                        .fields("TL;DR=tldr", "Detailed Summary=heading", "Motivation=motivation", "Method=method",
                                "Result=result", "Conclusion=conclusion", "Abstract=abstract"),
                template("heading-sections.md", "#### Problem … sections, `cs.CL` in backticks (wwj281)")
                        .shows(TLDR, ABSTRACT)
                        .notes(t -> List.of(new Note("Problem", t.text.get(MOTIVATION)), new Note("Key Idea", "A key idea."),
                                new Note("System/Method Design", t.text.get(METHOD)),
                                new Note("Experiments", t.text.get(RESULT))))
                        .fields("Main category=main category", "TL;DR=tldr", "Problem=note", "Key Idea=note",
                                "System/Method Design=note", "Experiments=note", "Abstract=abstract"),
                template("chinese-full.md", "主要方法:, 实验 / 验证:, 局限 / 后续问题:, 英文原始摘要: (StringsLi)")
                        .shows(TLDR, MOTIVATION, METHOD, RESULT, CONCLUSION, ABSTRACT_TRANSLATION, ABSTRACT)
                        .notes(t -> List.of(new Note("来源", "arXiv"), new Note("研究问题", "评测不足。"),
                                new Note("实验 / 验证", "三个数据集。"), new Note("局限 / 后续问题", "数据较少。")))
                        .fields("主分类=main category", "来源=note", "一句话结论=tldr", "研究问题=note", "更多信息=heading",
                                "研究动机=motivation", "主要方法=method", "实验 / 验证=note", "主要结果=result",
                                "结论=conclusion", "局限 / 后续问题=note", "中文摘要=abstract translation",
                                "英文原始摘要=abstract"),
                template("korean-bullets.md", "Korean bold bullets named with an English gloss: (Motivation) (partrita)")
                        .shows(FIVE_AND_ABSTRACT)
                        .fields("카테고리=main category", "핵심 요약 (TL;DR)=tldr", "상세 내용 (Details)=heading",
                                "연구 배경 및 동기 (Motivation)=motivation", "연구 방법론 (Method)=method",
                                "주요 성과 및 결과 (Result)=result", "결론 및 시사점 (Conclusion)=conclusion",
                                "원문 초록 (Abstract)=abstract"),
                template("score-and-groups.md", "**score** | *authors*, emoji bold labels, #### groups of bullets (MarssZ)")
                        .shows(METHOD, ABSTRACT)
                        .notes(t -> List.of(new Note(null, "8.5"), new Note("大白话", "一句大白话。"),
                                new Note("核心价值", t.text.get(TLDR)), new Note("根本问题", t.text.get(MOTIVATION)),
                                new Note("切入视角", "一个视角。"), new Note("核心发现", t.text.get(RESULT))))
                        .fields("大白话=note", "核心价值=note", "主类别=main category", "详细分析=heading",
                                "问题与洞察=heading", "根本问题=note", "切入视角=note", "方法与发现=heading",
                                "关键方法=method", "核心发现=note", "原文摘要=abstract"),
                template("abstract-link-then-summary.md", "**Abstract**: [arXiv](…) then <summary>Abstract</summary> (topomat12138)")
                        .shows(TLDR, METHOD, ABSTRACT).notes(t -> List.of(new Note("Tags", "`nlp`")))
                        .fields("Category=main category", "Abstract=abstract", "TL;DR=tldr", "Method=method", "Tags=note"),
                template("several-on-one-line.md", "Affiliations:, then AB Test: … | Industrial: … | Affiliation: … (fukairui)")
                        .shows(FIVE_AND_ABSTRACT)
                        .notes(t -> List.of(new Note("Affiliations", "MIT; ETH"), new Note("AB Test", "no"),
                                new Note("Industrial", "yes"), new Note("Affiliation", "academia")))
                        .fields("Affiliations=note", "Main category=main category", "AB Test=note", "Industrial=note",
                                "Affiliation=note", "TL;DR=tldr", "Details=heading", "Motivation=motivation",
                                "Method=method", "Result=result", "Conclusion=conclusion", "Abstract=abstract"),
                template("nbsp-bars-no-category.md", "**Topic:** … &nbsp;|&nbsp; **Source:** …, no main category (alexps9)")
                        .shows(FIVE_AND_ABSTRACT).noMainCategory().warnings(3)
                        .notes(t -> List.of(new Note("Topic", "LLMs"), new Note("Source", "`arxiv`"), new Note("Venue", "ACL")))
                        .fields("Topic=note", "Source=note", "Venue=note", "TL;DR=tldr", "Details=heading",
                                "Motivation=motivation", "Method=method", "Result=result", "Conclusion=conclusion",
                                "Abstract=abstract"),
                template("title-headings.md", "### Title headings, bullet fields, the abstract as a plain paragraph (table9)")
                        .shows(TLDR, ABSTRACT).categories().section(null).ranked(false)
                        .fields("arXiv=link", "Title (EN)=title", "Authors=authors", "Categories=categories", "TL;DR=tldr",
                                "(unlabelled text after TL;DR)=abstract"),
                template("sections-pdf-line.md", "## name [cs.CL] sections, [**[PDF]**](…) | **Categories:** … (junle-chen)")
                        .shows(FIVE_AND_ABSTRACT).categories()
                        .fields("Main category=main category", "TL;DR=tldr", "Details=heading", "Motivation=motivation",
                                "Method=method", "Result=result", "Conclusion=conclusion", "Abstract=abstract",
                                "Categories=categories"),
                template("unlabelled-title-line.md", "an unlabelled title line above the authors, <summary>English abstract</summary> (KevinClaint)")
                        .shows(ABSTRACT_TRANSLATION, ABSTRACT).notes(t -> List.of(new Note(null, t.text.get(TRANSLATED_TITLE))))
                        .fields("(unlabelled text under the heading)=note", "Main category=main category",
                                "中文摘要=abstract translation", "English abstract=abstract"),
                template("many-notes.md", "seven fields of a fork's own, in English (Echodet)")
                        .shows(TLDR, ABSTRACT)
                        .notes(t -> List.of(new Note("Research relevance", "High."), new Note("Reading priority", "2"),
                                new Note("Task and scene", "Detection in orbit."), new Note("Model architecture", "A small CNN."),
                                new Note("Experiments", "Two datasets."), new Note("Limitations", "Few labels."),
                                new Note("Ideas for my research", "Try it.")))
                        .fields("Main category=main category", "TL;DR=tldr", "Research relevance=note",
                                "Reading priority=note", "Details=heading", "Task and scene=note",
                                "Model architecture=note", "Experiments=note", "Limitations=note",
                                "Ideas for my research=note", "Abstract=abstract"),
                template("background-data.md", "**TL;DR**:, Background: and Data: that also head abstracts' paragraphs (Straw674)")
                        .shows(TLDR, METHOD, RESULT, ABSTRACT).noMainCategory().warnings(3)
                        .notes(t -> List.of(new Note("Background", "Prior surveys."), new Note("Data", "Gaia DR3.")))
                        .fields("TL;DR=tldr", "Details=heading", "Background=note", "Data=note", "Method=method",
                                "Result=result", "Abstract=abstract"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTemplateGivesBackTheThreePapers(TemplateCase c) {
        RecordingSink sink = c.parse();
        assertEquals(List.of(), messages(sink.rejected), c.file);
        assertEquals(TRUTH.stream().map(t -> t.title).toList(), sink.papers.stream().map(Paper::title).toList(), c.file);
        assertEquals(TRUTH.stream().map(t -> "https://arxiv.org/abs/" + t.id).toList(),
                sink.papers.stream().map(Paper::link).toList(), c.file);
        assertEquals(TRUTH.stream().map(t -> t.authors).toList(), sink.papers.stream().map(Paper::authors).toList(), c.file);
        assertEquals(TRUTH.stream().map(t -> c.ranked ? TRUTH.indexOf(t) + 1 : 0).toList(),
                sink.papers.stream().map(Paper::rank).toList(), c.file);
        sink.papers.forEach(p -> assertEquals(c.section, p.section(), c.file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTemplateShowsItsFieldsExactly(TemplateCase c) {
        List<Paper> papers = c.parse().papers;
        for (int i = 0; i < TRUTH.size(); i++) {
            Truth t = TRUTH.get(i);
            Map<Field, String> expected = new LinkedHashMap<>();
            c.shows.forEach(f -> expected.put(f, t.text.get(f)));
            assertEquals(expected, papers.get(i).fields(), c.file + " " + t.title);
            assertEquals(c.failed, papers.get(i).failed(), c.file + " " + t.title);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTemplateKeepsWhatItDoesNotMapAsNotes(TemplateCase c) {
        List<Paper> papers = c.parse().papers;
        for (int i = 0; i < TRUTH.size(); i++) {
            assertEquals(c.notes.apply(TRUTH.get(i)), papers.get(i).notes(), c.file + " " + TRUTH.get(i).title);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTemplateGivesCategories(TemplateCase c) {
        List<Paper> papers = c.parse().papers;
        assertEquals(TRUTH.stream().map(t -> c.mainCategory ? t.cate : null).toList(),
                papers.stream().map(Paper::mainCategory).toList(), c.file);
        assertEquals(TRUTH.stream().map(c.categories).toList(),
                papers.stream().map(Paper::categories).toList(), c.file);
    }

    /** What kg inspect shows: each field's label as printed and what it maps to, in entry order. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTemplateIsInferredAsItIs(TemplateCase c) {
        RecordingSink sink = c.parse();
        Template template = sink.templates.get(0);
        assertEquals(Template.Kind.INFERRED, template.kind(), c.file);
        assertEquals(3, template.entries(), c.file);
        assertEquals(c.fields, template.fields().stream().map(f -> f.label() + "=" + f.mapsTo()).toList(), c.file);
        assertEquals(c.warnings, sink.warnings.size(), c.file + " " + messages(sink.warnings));
    }

    /** Label-like lines the LLM wrote into one paper's text never become fields: they are listed as text. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void labelLikeLinesThatDoNotRecurStayText(TemplateCase c) {
        Template template = c.parse().templates.get(0);
        List<String> unrecognised = template.unrecognised().stream().map(Template.Slot::label).toList();
        for (String label : List.of("整体总结", "Step 1")) {
            if (c.shows.contains(TLDR) || c.shows.contains(METHOD)) {
                assertTrue(template.fields().stream().noneMatch(f -> f.label().equals(label)), c.file + " " + label);
            }
        }
        assertTrue(unrecognised.size() <= Template.MAX_LISTED, c.file);
    }

    /**
     * A fork's page as xmkxabc prints it: a line of links back to the contents after every entry, a translation that
     * repeats the paper's own "摘要：" and "Abstract:" lines (plain, where the template's labels are bold; on the
     * quote's next line or after a blank line), and an author "Henry M. Cathey, Jr.". The links are layout, the lines are
     * the translation's text, the suffix is the name's.
     */
    @Test
    void navigationLinksAreLayoutAndPlainLabelsInsideABoldTemplatesValueAreText() {
        RecordingSink sink = new TemplateCase("quoted-translation-navigation.md", "xmkxabc's page").parse();
        assertEquals(List.of(), messages(sink.warnings));
        assertEquals(List.of("标题：条目之间的导航\n摘要：每个条目后都有返回目录的链接。",
                        "本论文题目为“带有自己标题的翻译”。\n\nAbstract:\n翻译的第二段。", "三位作者。"),
                sink.papers.stream().map(p -> p.fields().get(ABSTRACT_TRANSLATION)).toList());
        sink.papers.forEach(p -> assertFalse(p.fields().containsKey(ABSTRACT), p.title()));
        sink.papers.forEach(p -> assertEquals(List.of(), p.notes(), p.title()));
        assertEquals(List.of("Sharad Shrestha", "Henry M. Cathey, Jr.", "Roopa Vishwanathan"), sink.papers.get(2).authors());
        assertEquals(List.of("> *…*=translated title", "Main category=main category", "Keywords=keywords", "TL;DR=tldr",
                        "Details=heading", "Motivation=motivation", "Method=method", "Result=result",
                        "Conclusion=conclusion", "摘要翻译=abstract translation"),
                sink.templates.get(0).fields().stream().map(f -> f.label() + "=" + f.mapsTo()).toList());
    }

    /** One of the papers every template fixture renders. */
    record Truth(String id, String title, List<String> authors, String cate, List<String> cates, Map<Field, String> text) {
    }

    static TemplateCase template(String file, String form) {
        return new TemplateCase(file, form);
    }

    /** A template fixture and what its parse must give. */
    static final class TemplateCase {
        final String file;
        final String form;
        List<Field> shows = List.of();
        Set<Field> failed = Set.of();
        Function<Truth, List<Note>> notes = t -> List.of();
        List<String> fields = List.of();
        boolean mainCategory = true;
        Function<Truth, List<String>> categories = t -> List.of();
        String section = "cs.CL";
        boolean ranked = true;
        int warnings;

        TemplateCase(String file, String form) {
            this.file = file;
            this.form = form;
        }

        TemplateCase shows(Field... fields) {
            shows = List.of(fields);
            return this;
        }

        TemplateCase failed(Field first, Field... rest) {
            failed = EnumSet.of(first, rest);
            return this;
        }

        TemplateCase notes(Function<Truth, List<Note>> notes) {
            this.notes = notes;
            return this;
        }

        TemplateCase fields(String... labelEqualsMapsTo) {
            fields = List.of(labelEqualsMapsTo);
            return this;
        }

        TemplateCase noMainCategory() {
            mainCategory = false;
            return this;
        }

        /** The template prints every category of the paper under a label of its own. */
        TemplateCase categories() {
            categories = t -> t.cates;
            return this;
        }

        /** The template prints them under the main category's label: one category is the main one, no list. */
        TemplateCase categoriesIfSeveral() {
            categories = t -> t.cates.size() > 1 ? t.cates : List.of();
            return this;
        }

        TemplateCase section(String section) {
            this.section = section;
            return this;
        }

        TemplateCase ranked(boolean ranked) {
            this.ranked = ranked;
            return this;
        }

        TemplateCase warnings(int count) {
            warnings = count;
            return this;
        }

        RecordingSink parse() {
            try {
                Path path = Path.of(DialectContractTest.class.getResource("/digests/templates/" + file).toURI());
                return DialectContractTest.parse(path, file);
            } catch (URISyntaxException | NullPointerException e) {
                throw new AssertionError("no template fixture " + file, e);
            }
        }

        @Override
        public String toString() {
            return file + " (" + form + ")";
        }
    }

    // ---------------------------------------------------------------- plumbing

    private static List<String> messages(List<Problem> problems) {
        return problems.stream().map(p -> p.line() + ": " + p.message()).toList();
    }

    static RecordingSink parse(Path file, String name) {
        RecordingSink sink = new RecordingSink();
        DigestParser.create().source(file).date(DAY).sourceName(name).build().parse(sink);
        return sink;
    }

    static Dialect dialect(String file, String form) {
        return new Dialect(file, form);
    }

    static Expected at(int line, int rank, String section, String title, String link, String arxivId) {
        return new Expected(line, rank, section, title, link, arxivId);
    }

    /** One dialect fixture and everything its parse must give. */
    static final class Dialect {
        final String file;
        final String form;
        final List<Expected> papers = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final Map<String, Integer> claims = new LinkedHashMap<>();

        Dialect(String file, String form) {
            this.file = file;
            this.form = form;
        }

        Dialect paper(Expected e) {
            papers.add(e);
            return this;
        }

        Dialect warning(int line, String message) {
            warnings.add(line + ": " + message);
            return this;
        }

        Dialect claim(String code, int count) {
            claims.put(code, count);
            return this;
        }

        Path path() {
            try {
                return Path.of(DialectContractTest.class.getResource("/digests/dialects/" + file).toURI());
            } catch (URISyntaxException | NullPointerException e) {
                throw new AssertionError("no dialect fixture " + file, e);
            }
        }

        RecordingSink parse() {
            return DialectContractTest.parse(path(), file);
        }

        List<String> titles() {
            return each(e -> e.title);
        }

        <T> List<T> each(Function<Expected, T> f) {
            return papers.stream().map(f).collect(Collectors.toList()); // keeps nulls
        }

        @Override
        public String toString() {
            return file + " (" + form + ")";
        }
    }

    /** One paper a dialect fixture must give. */
    static final class Expected {
        final int line;
        final int rank;
        final String section;
        final String title;
        final String link;
        final String arxivId;
        List<String> authors = List.of();
        String main;
        List<String> categories = List.of();
        final Map<Field, String> fields = new LinkedHashMap<>();
        final List<Note> notes = new ArrayList<>();
        Set<Field> failed = Set.of();
        final Map<Field, String> languages = new LinkedHashMap<>();

        Expected(int line, int rank, String section, String title, String link, String arxivId) {
            this.line = line;
            this.rank = rank;
            this.section = section;
            this.title = title;
            this.link = link;
            this.arxivId = arxivId;
        }

        Expected authors(String... names) {
            authors = Arrays.asList(names);
            return this;
        }

        Expected main(String code) {
            main = code;
            return this;
        }

        Expected categories(String... codes) {
            categories = Arrays.asList(codes);
            return this;
        }

        Expected field(Field f, String value) {
            fields.put(f, value);
            return this;
        }

        Expected note(String label, String text) {
            notes.add(new Note(label, text));
            return this;
        }

        Expected failed(Field first, Field... rest) {
            failed = EnumSet.of(first, rest);
            return this;
        }

        Expected lang(Field f, String tag) {
            languages.put(f, tag);
            return this;
        }
    }
}
