package org.digestkg.bench;

import java.util.List;
import java.util.stream.Stream;

/**
 * The 50 searches the benchmark times: 25 English, 25 Chinese, of the kinds people type — one word, a phrase, two
 * words that must both be there, a prefix, a field, a Boolean, a Chinese term of the summaries and a mix of both
 * languages. They use the generator's vocabulary (titles, abstracts, the Chinese summary phrasebook), so each finds
 * papers in a generated corpus: some a handful, some thousands, as real searches do.
 */
public final class SearchQueries {

    /** The English searches: a word, a phrase, both words, a prefix, a field, a Boolean. */
    public static final List<String> ENGLISH = List.of(
            "diffusion", "benchmark", "\"graph neural networks\"", "reinforcement learning", "segmentation",
            "transformer*", "title:agents", "\"large language models\"", "robust AND efficient", "calibration",
            "\"gaussian splatting\"", "retrieval OR rerank*", "\"medical image segmentation\"", "token pruning",
            "abstract:hallucination", "federated NOT privacy", "\"world models\"", "code generation", "distill*",
            "trajectory prediction", "title:(scaling OR rethinking)", "\"chain-of-thought\"", "anomaly detection",
            "histopathology", "\"mixture-of-experts\" routing");

    /** The Chinese searches: terms of the summaries, fields, Booleans, and both languages mixed. */
    public static final List<String> CHINESE = List.of(
            "扩散模型", "强化学习", "大语言模型", "多模态", "\"医学图像分割\"", "知识蒸馏", "视觉语言模型", "自动驾驶",
            "图神经网络", "检索增强生成", "tldr:基准", "长程依赖", "推理开销", "分布外 泛化", "幻觉检测",
            "三维重建 OR 姿态估计", "联邦学习", "时间序列预测", "机器人操作", "method:注意力", "数据集", "代码生成",
            "具身导航", "扩散模型 AND 视频生成", "LLM 推理");

    public static final List<String> ALL = Stream.concat(ENGLISH.stream(), CHINESE.stream()).toList();

    private SearchQueries() {
    }

    /** The searches a run times: all of them, or for a quick run (a smoke test) the first three of each language. */
    public static List<String> of(BenchOptions options) {
        if (!options.quick()) return ALL;
        return Stream.concat(ENGLISH.stream().limit(3), CHINESE.stream().limit(3)).toList();
    }
}
