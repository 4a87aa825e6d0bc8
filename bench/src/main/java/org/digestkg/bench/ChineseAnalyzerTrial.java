package org.digestkg.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.digestkg.extractor.model.Note;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.parse.DigestException;
import org.digestkg.extractor.parse.DigestParser;
import org.digestkg.extractor.model.Languages;
import org.digestkg.storage.text.Analyzers;

/**
 * The measurement behind the text index's Chinese analyser: every Chinese text the real digests hold (summary
 * fields and notes the extractor tags {@code @zh}, from {@code data/} and the forks' digests) is indexed once per
 * candidate analyser, and each of {@link #TERMS} — real terms of those summaries, each in at least three of them —
 * is searched as a user types it.
 *
 * <p>A text is relevant to a term when it contains the term (after the same width folding every candidate does).
 * Precision is the share of retrieved texts that are relevant, recall the share of relevant texts retrieved, both
 * averaged over the terms. Two ways of running a query are measured: {@code phrase} — the term's characters must be
 * adjacent, which is what {@code kg search} does with an unquoted run of Chinese (QueryParser with
 * autoGeneratePhraseQueries) — and {@code or} — the classic QueryParser's default, which is what a bare
 * {@code text:query "…"} in SPARQL does. Indexing speed is measured over the same texts, in CPU time (best of 3).
 *
 * <p>Containment judges segmentation errors in both directions: a word segmenter that misses a term because it cut
 * the sentence elsewhere loses recall; a substring inside a different word ("物理" in "生物理论") costs the bigram
 * analysers precision only if such texts exist. With {@code --disagreements N} the trial prints, per analyser, up
 * to N texts where it and containment disagree, with context, to be judged by a reader.
 *
 * <p>Usage: {@code ChineseAnalyzerTrial [--disagreements N] DIR...} (folders of digests, searched recursively).
 */
public final class ChineseAnalyzerTrial {

    /** Real Chinese terms of the digests' summaries: tasks, methods, fields and common words, 2 to 6 characters. */
    static final List<String> TERMS = List.of(
            "大语言模型", "语言模型", "多模态", "强化学习", "扩散模型", "知识蒸馏", "注意力机制", "微调", "推理", "幻觉",
            "智能体", "检索增强生成", "基准", "数据集", "泛化", "鲁棒性", "对齐", "视觉语言模型", "自动驾驶", "机器人",
            "图像", "分割", "目标检测", "联邦学习", "隐私", "量化", "剪枝", "思维链", "奖励模型", "零样本", "少样本",
            "预训练", "对比学习", "生成模型", "可解释性", "安全", "时间序列", "知识图谱", "代码生成", "数学推理",
            "不确定性", "因果", "优化", "梯度", "损失函数", "计算开销", "端到端", "三维重建", "视频生成", "语音", "翻译",
            "推荐系统", "对抗攻击", "水印", "量子", "神经网络", "深度学习", "机器学习", "卷积", "编码器", "解码器",
            "模型", "框架", "方法", "实验", "性能", "效率", "数据", "训练", "评估", "自监督", "无监督", "持续学习",
            "蒸馏", "稀疏", "低秩", "轨迹", "规划", "控制", "导航", "感知", "定位", "点云", "医学", "临床", "诊断",
            "分子", "材料", "物理", "用户", "偏见", "公平", "攻击", "防御", "提示", "检索", "生成", "摘要", "问答",
            "对话", "文本", "视觉", "视频", "音频", "多语言", "硬件", "调度", "并行", "分布式", "通信", "信道", "信号",
            "雷达", "传感器", "随机", "概率", "贝叶斯", "统计", "估计", "采样", "博弈", "拓扑", "几何", "数值", "仿真",
            "去噪", "压缩", "编辑", "渲染", "高斯泼溅", "姿态", "人脸", "车辆", "遥感", "农业", "气候");

    private static final String FIELD = "text";
    private static final String ID = "i";
    private static final int ROUNDS = Integer.getInteger("rounds", 3);
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** The candidates: name and a fresh analyser. */
    static Map<String, Supplier<Analyzer>> candidates() {
        Map<String, Supplier<Analyzer>> c = new LinkedHashMap<>();
        c.put("CJK bigrams + English words (shipped)", Analyzers::chinese);
        c.put("CJK bigrams (CJKAnalyzer)", CJKAnalyzer::new);
        c.put("SmartChinese (smartcn)", SmartChineseAnalyzer::new);
        c.put("ICU words (ICUTokenizer)", () -> icu(false));
        c.put("ICU + CJK bigrams", () -> icu(true));
        c.put("unigrams (StandardAnalyzer)", () -> new StandardAnalyzer(CharArraySet.EMPTY_SET));
        return c;
    }

    /** ICU's dictionary segmentation of Han; with {@code bigrams}, single ideographs joined in pairs instead. */
    private static Analyzer icu(boolean bigrams) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new ICUTokenizer(new DefaultICUTokenizerConfig(!bigrams, true));
                TokenStream s = new ICUFoldingFilter(t);
                if (bigrams) s = new CJKBigramFilter(s);
                return new TokenStreamComponents(t, s);
            }
        };
    }

    public static void main(String[] args) throws Exception {
        int disagreements = 0;
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--disagreements")) disagreements = Integer.parseInt(args[++i]);
            else dirs.add(Path.of(args[i]));
        }
        if (dirs.isEmpty()) {
            System.err.println("usage: ChineseAnalyzerTrial [--disagreements N] DIR...");
            System.exit(2);
        }
        List<String> texts = chineseTexts(dirs);
        long chars = texts.stream().mapToLong(String::length).sum();
        System.out.printf(Locale.ROOT, "%,d Chinese texts (%,d characters) from %s; %d terms%n%n", texts.size(), chars,
                dirs, TERMS.size());
        System.out.println("| analyser | phrase: precision | phrase: recall | phrase: missed | phrase: extra | or: precision "
                + "| or: recall | index MB/s (CPU) |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        List<String> judged = new ArrayList<>();
        long pairs = 0;
        for (Map.Entry<String, Supplier<Analyzer>> c : candidates().entrySet()) {
            Result r = measure(c.getKey(), c.getValue(), texts, disagreements, judged);
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %,d | %,d | %.3f | %.3f | %.1f |%n", c.getKey(),
                    r.phrase.precision(), r.phrase.recall(), r.missed, r.extra, r.or.precision(), r.or.recall(),
                    r.mbPerSecond);
            pairs = r.pairs;
        }
        System.out.printf(Locale.ROOT, "%nmissed/extra: (text, term) pairs out of %,d where a text contains a term%n", pairs);
        judged.forEach(System.out::println);
    }

    /** Summary fields and notes the extractor tags as Chinese, in file order. */
    static List<String> chineseTexts(List<Path> dirs) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path dir : dirs) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(dir)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".md"))
                        .filter(p -> p.getFileName().toString().matches(".*\\d{4}-\\d{2}-\\d{2}.*")).sorted().toList();
            }
            for (Path f : files) {
                try {
                    DigestParser.parse(f, (Paper p) -> {
                        p.fields().forEach((field, text) -> {
                            if (field.isSummary() && "zh".equals(Languages.tag(text))) texts.add(text);
                        });
                        for (Note n : p.notes()) {
                            if (n.text() != null && "zh".equals(Languages.tag(n.text()))) texts.add(n.text());
                        }
                    });
                } catch (DigestException e) {
                    System.err.println("skipped " + f + ": " + e.getMessage());
                }
            }
        }
        return texts;
    }

    record Scores(double precision, double recall) {
    }

    record Result(Scores phrase, Scores or, double mbPerSecond, long terms, long pairs, long missed, long extra) {
    }

    private static Result measure(String name, Supplier<Analyzer> analyzer, List<String> texts, int disagreements,
            List<String> judged) throws IOException, ParseException {
        long bytes = texts.stream().mapToLong(t -> t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
        ByteBuffersDirectory dir = null;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            ByteBuffersDirectory d = new ByteBuffersDirectory();
            // CPU time of this thread, merges included (serial): the machine is shared, wall time says little
            long t0 = CPU.getCurrentThreadCpuTime();
            IndexWriterConfig config = new IndexWriterConfig(analyzer.get()).setMergeScheduler(new SerialMergeScheduler());
            try (IndexWriter w = new IndexWriter(d, config)) {
                for (int i = 0; i < texts.size(); i++) {
                    Document doc = new Document();
                    doc.add(new Field(FIELD, texts.get(i), TextField.TYPE_NOT_STORED));
                    doc.add(new NumericDocValuesField(ID, i)); // merges may reorder documents
                    w.addDocument(doc);
                }
            }
            best = Math.min(best, CPU.getCurrentThreadCpuTime() - t0);
            dir = d;
        }
        double mbPerSecond = bytes / 1e6 / (best / 1e9);
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Analyzer a = analyzer.get();
            double[] sums = new double[4];
            long terms = 0;
            long pairs = 0;
            long missed = 0;
            long extra = 0;
            for (String term : TERMS) {
                BitSet relevant = new BitSet();
                String folded = fold(term);
                for (int i = 0; i < texts.size(); i++) {
                    if (fold(texts.get(i)).contains(folded)) relevant.set(i);
                }
                if (relevant.cardinality() < 3) continue;
                terms++;
                pairs += relevant.cardinality();
                for (int mode = 0; mode < 2; mode++) {
                    QueryParser qp = new QueryParser(FIELD, a);
                    if (mode == 0) {
                        qp.setSplitOnWhitespace(true);
                        qp.setAutoGeneratePhraseQueries(true);
                    }
                    Query q = qp.parse(QueryParser.escape(term));
                    BitSet found = hits(searcher, q);
                    BitSet right = (BitSet) found.clone();
                    right.and(relevant);
                    sums[mode * 2] += found.isEmpty() ? 0 : (double) right.cardinality() / found.cardinality();
                    sums[mode * 2 + 1] += (double) right.cardinality() / relevant.cardinality();
                    if (mode == 0) {
                        missed += relevant.cardinality() - right.cardinality();
                        extra += found.cardinality() - right.cardinality();
                    }
                    if (mode == 0 && disagreements > 0) {
                        disagreements = listDisagreements(name, term, texts, relevant, found, disagreements, judged);
                    }
                }
            }
            return new Result(new Scores(sums[0] / terms, sums[1] / terms), new Scores(sums[2] / terms, sums[3] / terms),
                    mbPerSecond, terms, pairs, missed, extra);
        }
    }

    private static int listDisagreements(String name, String term, List<String> texts, BitSet relevant, BitSet found,
            int left, List<String> out) {
        BitSet missed = (BitSet) relevant.clone();
        missed.andNot(found);
        BitSet extra = (BitSet) found.clone();
        extra.andNot(relevant);
        for (int i = missed.nextSetBit(0); i >= 0 && left > 0; i = missed.nextSetBit(i + 1), left--) {
            out.add(name + " MISSED '" + term + "': " + context(texts.get(i), term));
        }
        for (int i = extra.nextSetBit(0); i >= 0 && left > 0; i = extra.nextSetBit(i + 1), left--) {
            out.add(name + " EXTRA '" + term + "': " + texts.get(i).substring(0, Math.min(60, texts.get(i).length())));
        }
        return left;
    }

    private static String context(String text, String term) {
        int at = fold(text).indexOf(fold(term));
        return "…" + text.substring(Math.max(0, at - 8), Math.min(text.length(), at + term.length() + 8)) + "…";
    }

    /** Full-width forms to their ASCII, lower case: what every candidate does before matching. */
    private static String fold(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static BitSet hits(IndexSearcher searcher, Query q) throws IOException {
        BitSet found = new BitSet();
        searcher.search(q, new SimpleCollector() {
            private NumericDocValues ids;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                ids = DocValues.getNumeric(context.reader(), ID);
            }

            @Override
            public void collect(int doc) throws IOException {
                ids.advanceExact(doc);
                found.set((int) ids.longValue());
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return found;
    }
}
