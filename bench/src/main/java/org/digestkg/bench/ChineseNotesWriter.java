package org.digestkg.bench;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * The Chinese fields the digest's language model writes (TL;DR, Motivation, Method, Result, Conclusion),
 * each grown clause by clause to a drawn length. The ranges follow the two real digests in data/: about
 * 75, 80, 100, 80 and 70 characters on average, so a summary is ~1.2 KB of UTF-8.
 *
 * <p>Now and then the model answers with a numbered list, one item per line ("1. …" newline "2. …"), as
 * in one of the 275 real entries; such a Method (and sometimes Result) spans several lines.
 */
final class ChineseNotesWriter {

    static final int NUMBERED_ONE_IN = 250;

    private static final String[] TLDR_OPEN = {
        "提出{ACR}，一种{adj}的{task}{framework}，",
        "{ACR}是一个面向{task}的{adj}{framework}，",
        "本文提出{ACR}{framework}，",
        "针对{field}中{problem}的问题，提出{ACR}，",
    };
    private static final String[] TLDR_MORE = {"通过{method}{effect}", "并{method}", "{effect}"};

    private static final String[] MOTIVATION_OPEN = {
        "{subject}{problem}，{consequence}",
        "{field}在{task}上取得了进展，但{subject}{problem}",
        "{task}对{field}至关重要，然而{subject}{problem}",
    };
    private static final String[] MOTIVATION_MORE = {"此外，{subject}{problem}", "{consequence}",
        "因此需要一种能够{need}的方法", "同时{subject}{problem}"};

    private static final String[] METHOD_OPEN = {"提出{ACR}框架：{method}", "设计{ACR}，{method}",
        "{ACR}首先{method}", "构建{ACR}方法，{method}"};
    private static final String[] METHOD_MORE = {"{method}", "然后{method}", "并{method}",
        "最后{method}", "同时{method}以{need}"};

    private static final String[] RESULT_OPEN = {"{result}", "在{dataset}上，{ACR}{result}",
        "实验表明{ACR}{result}"};
    private static final String[] RESULT_MORE = {"{result}", "同时{result}", "且{result}"};

    private static final String[] CONCLUSION_OPEN = {"{ACR}{conclusion}", "该方法{conclusion}",
        "{ACR}通过{method}，{conclusion}"};
    private static final String[] CONCLUSION_MORE = {"{conclusion}", "并{conclusion}"};

    private static final Phrasebook WORDS = new Phrasebook(Map.ofEntries(
        Map.entry("field", new String[] {
            "多模态大语言模型", "视觉语言模型", "扩散模型", "大语言模型", "强化学习", "图神经网络", "自动驾驶",
            "具身智能", "医学影像分析", "检索增强生成", "多智能体系统", "语音识别", "三维重建", "视频理解",
            "联邦学习", "时间序列预测", "机器人操作", "代码生成", "推荐系统", "科学计算"}),
        Map.entry("task", new String[] {
            "开放词汇目标检测", "医学图像分割", "长时程操作", "多智能体协作", "数学推理", "视觉问答", "机器翻译",
            "异常检测", "轨迹预测", "文档理解", "事实核查", "幻觉检测", "分子设计", "具身导航", "对话系统",
            "序列推荐", "图像复原", "姿态估计", "因果发现", "工具调用", "定理证明", "深度估计", "视频生成"}),
        Map.entry("adj", new String[] {"高效", "可扩展", "鲁棒", "自适应", "统一", "分层", "无需训练", "轻量级",
            "可解释", "细粒度", "通用", "即插即用"}),
        Map.entry("framework", new String[] {"框架", "基准", "方法", "训练范式", "模型", "评估体系", "数据集"}),
        Map.entry("problem", new String[] {
            "难以捕捉长程依赖关系", "依赖大量人工标注数据", "在分布外场景下泛化能力不足", "推理开销过高",
            "存在严重的幻觉问题", "缺乏细粒度的过程评估", "忽视了模态之间的语义对齐", "对噪声和对抗扰动十分敏感",
            "难以在资源受限设备上部署", "训练过程不稳定", "依赖静态的难度标签", "将感知错误与推理错误混为一谈",
            "计算复杂度随序列长度平方增长", "缺乏对不确定性的刻画", "无法有效利用历史上下文信息"}),
        Map.entry("subject", new String[] {"现有方法", "当前的评估基准", "主流模型", "传统流水线", "已有研究",
            "现有的{field}", "基于规则的方法"}),
        Map.entry("consequence", new String[] {"导致实际部署中性能显著下降", "限制了其在真实场景中的应用",
            "使得模型的可靠性难以保证", "难以满足安全关键应用的需求", "造成大量计算资源的浪费"}),
        Map.entry("need", new String[] {"兼顾效率与精度", "准确衡量模型真实能力", "在少量数据下快速适应",
            "提升跨域泛化能力", "保证输出的可验证性"}),
        Map.entry("method", new String[] {
            "引入分层注意力机制", "设计轻量级适配模块", "构建大规模高质量数据集", "采用课程学习策略逐步提升任务难度",
            "利用对比学习对齐跨模态表示", "提出基于图结构的推理模块", "结合蒙特卡洛树搜索进行规划",
            "使用知识蒸馏压缩模型规模", "引入可验证奖励进行强化学习微调", "设计动态token剪枝策略",
            "将{aspect}与{aspect}解耦建模", "利用扩散模型生成高质量合成数据", "构建记忆模块存储历史上下文",
            "采用混合专家结构按需分配计算", "引入不确定性估计指导样本选择"}),
        Map.entry("aspect", new String[] {"视觉感知", "语言推理", "空间结构", "时间动态", "语义一致性",
            "几何先验", "不确定性估计", "局部细节", "全局上下文", "奖励信号"}),
        Map.entry("effect", new String[] {"显著提升了{task}性能", "在保持精度的同时大幅降低计算开销",
            "有效缓解了幻觉问题", "实现了更强的泛化能力"}),
        Map.entry("result", new String[] {
            "在{dataset}等{N}个基准上取得最优性能", "准确率提升{PCT}", "推理速度提升{X}倍", "显著优于现有基线方法",
            "在零样本设置下同样表现出色", "以更少的参数量达到了与大模型相当的性能", "将错误率降低{PCT}",
            "消融实验验证了各模块的有效性"}),
        Map.entry("dataset", new String[] {"ImageNet", "COCO", "MMLU", "GSM8K", "HumanEval", "nuScenes", "KITTI",
            "ScanNet", "VQAv2", "MathVista", "WebArena", "SWE-bench", "ADE20K", "LongBench", "LIBERO"}),
        Map.entry("conclusion", new String[] {"有效缓解了{problem}的问题", "为{field}提供了新的思路",
            "证明了{method}的有效性", "具有良好的可扩展性和实用价值", "为后续研究奠定了基础",
            "揭示了{aspect}在{task}中的关键作用"})));

    private ChineseNotesWriter() {
    }

    static Summary write(String acronym, String abstractText, SplittableRandom rng) {
        boolean numbered = rng.nextInt(NUMBERED_ONE_IN) == 0;
        boolean numberedResult = numbered && rng.nextBoolean();
        String tldr = field(TLDR_OPEN, TLDR_MORE, 40, 90, acronym, rng);
        String motivation = field(MOTIVATION_OPEN, MOTIVATION_MORE, 45, 100, acronym, rng);
        String method = numbered
                ? numbered("{method}", 3 + rng.nextInt(3), acronym, rng)
                : field(METHOD_OPEN, METHOD_MORE, 55, 120, acronym, rng);
        String result = numberedResult
                ? numbered("{result}", 2 + rng.nextInt(2), acronym, rng)
                : field(RESULT_OPEN, RESULT_MORE, 40, 100, acronym, rng);
        String conclusion = field(CONCLUSION_OPEN, CONCLUSION_MORE, 35, 85, acronym, rng);
        return new Summary(tldr, motivation, method, result, conclusion, abstractText);
    }

    /** "1. item" lines joined by newlines, without closing punctuation, as the model writes lists. */
    private static String numbered(String item, int count, String acronym, SplittableRandom rng) {
        StringBuilder out = new StringBuilder();
        java.util.Set<String> items = new java.util.HashSet<>();
        for (int i = 1; i <= count; i++) {
            String text = WORDS.fill(item, acronym, rng);
            for (int retry = 0; !items.add(text) && retry < 8; retry++) {
                text = WORDS.fill(item, acronym, rng);
            }
            if (i > 1) {
                out.append('\n');
            }
            out.append(i).append(". ").append(text);
        }
        return out.toString();
    }

    /** One field: an opening clause, then more clauses until a length drawn from [min, max) is reached. */
    private static String field(String[] open, String[] more, int min, int max, String acronym,
                                SplittableRandom rng) {
        int target = min + rng.nextInt(max - min);
        StringBuilder out = new StringBuilder(max + 40);
        WORDS.fill(out, Phrasebook.pick(rng, open), acronym, rng);
        java.util.Set<String> clauses = new java.util.HashSet<>();
        while (out.length() < target) {
            // a clause said once in this field is not said again
            String clause = WORDS.fill(Phrasebook.pick(rng, more), acronym, rng);
            for (int retry = 0; !clauses.add(clause) && retry < 8; retry++) {
                clause = WORDS.fill(Phrasebook.pick(rng, more), acronym, rng);
            }
            if (out.charAt(out.length() - 1) != '，') {
                out.append('，');
            }
            out.append(clause);
        }
        if (out.charAt(out.length() - 1) == '，') {
            out.setLength(out.length() - 1);
        }
        return out.append('。').toString();
    }
}
