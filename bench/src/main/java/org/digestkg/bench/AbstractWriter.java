package org.digestkg.bench;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * English abstracts in the usual arc (context, gap, proposal, method details, results, outlook) of
 * ~1,250–1,900 characters, ~1,550 on average: a little longer than the real digests' (1,300 on average,
 * up to 1,900) so that a day weighs ~600 KB like the estimate. Detail sentences are added until a
 * drawn length is reached, so lengths vary smoothly.
 *
 * <p>About one abstract in fifty has paragraphs, printed as the real digests print them (6 of their 275
 * do): the next paragraph on a new line indented by two spaces. Parsers must keep those lines.
 */
final class AbstractWriter {

    /** Details stop once the text reaches a length drawn from [DETAILS_MIN, DETAILS_MAX). */
    private static final int DETAILS_MIN = 1_050;
    private static final int DETAILS_MAX = 1_600;
    /** A second result sentence while the text is shorter than this. */
    private static final int SECOND_RESULT_BELOW = 1_250;
    /** An outlook sentence while the text is shorter than this. */
    private static final int OUTLOOK_BELOW = 1_650;

    private static final String[] CONTEXT = {
        "{task} has emerged as a central problem in {field}.",
        "Recent advances in {field} have substantially improved {task}, yet many challenges remain.",
        "{field} have demonstrated remarkable capabilities across a wide range of applications, including {task} and {task}.",
        "Despite rapid progress in {field}, reliable {task} remains an open problem.",
        "{task} is a fundamental capability for {field}, with applications in {setting}.",
        "The success of {field} has sparked growing interest in {task}.",
    };
    private static final String[] GAP = {
        "However, {approach} {limitation}.",
        "Moreover, {approach} {limitation}, which limits their applicability in {setting}.",
        "A key obstacle is that {approach} {limitation}.",
        "Unfortunately, {approach} {limitation}, and their behavior in {setting} is poorly understood.",
        "In particular, {approach} {limitation}, making it difficult to attribute failures to specific causes.",
    };
    private static final String[] PROPOSAL = {
        "In this paper, we propose {ACR}, a {style} {framework} that {does}.",
        "To address these issues, we introduce {ACR}, a {style} {framework} for {task}.",
        "We present {ACR}, a {style} {framework} which {does}.",
        "This work introduces {ACR}, which {does} and can be combined with existing {field}.",
    };
    private static final String[] DETAIL = {
        "Specifically, {ACR} employs {component} to {goal}.",
        "Our key insight is that {aspect} and {aspect} provide complementary signals for {task}.",
        "In addition, we design {component} that {does}.",
        "We further introduce {component} to {goal} without additional supervision.",
        "The resulting model is trained end-to-end with {objective}.",
        "To {goal}, {ACR} combines {component} with {component}.",
        "We also construct a dataset covering {N} domains and {N} task types to support training and evaluation.",
        "Theoretically, we show that {claim}.",
        "Unlike prior work, our approach {does} while keeping the backbone frozen.",
        "At inference time, {ACR} {does}, adding negligible overhead.",
        "The core of {ACR} is {component}, which {does}.",
        "We instantiate {ACR} on top of several {field} and observe consistent behavior across scales.",
        "This design allows the model to {goal} even when {aspect} is only partially observed.",
        "Training proceeds in two stages: {component} is first pretrained, then refined with {objective}.",
        "Crucially, {ACR} requires no task-specific annotations, which makes it applicable to {setting}.",
        "We formalize {task} as a sequential decision problem and optimize it with {objective}.",
    };
    private static final String[] RESULT = {
        "Extensive experiments on {N} benchmarks, including {dataset}, {dataset} and {dataset}, demonstrate that {ACR} {outperforms}.",
        "On {dataset}, {ACR} improves {metric} by {PCT} over the strongest baseline.",
        "Our evaluation reveals that {finding}.",
        "Experiments on {dataset} and {dataset} show that {ACR} {outperforms}.",
    };
    private static final String[] OUTLOOK = {
        "Code and models are available at https://github.com/{user}/{ACR}.",
        "We hope {ACR} will serve as a foundation for future research on {task}.",
        "Our findings highlight the importance of {aspect} for {task}.",
        "Ablation studies confirm the contribution of each component.",
        "We release our code and data to facilitate future research.",
    };

    private static final Phrasebook WORDS = new Phrasebook(Map.ofEntries(
        Map.entry("field", new String[] {
            "multimodal large language models", "vision-language models", "diffusion models",
            "large language models", "reinforcement learning agents", "graph neural networks",
            "autonomous driving systems", "embodied agents", "medical image analysis systems",
            "retrieval-augmented generation pipelines", "multi-agent systems", "speech recognition systems",
            "3D reconstruction methods", "video understanding models", "federated learning systems",
            "time series foundation models", "robotic manipulation policies", "code language models",
            "recommender systems", "scientific machine learning methods"}),
        Map.entry("task", new String[] {
            "open-vocabulary detection", "medical image segmentation", "long-horizon manipulation",
            "multi-agent coordination", "mathematical reasoning", "code generation", "visual question answering",
            "time series forecasting", "machine translation", "speech recognition", "3D scene understanding",
            "text-to-image synthesis", "anomaly detection", "trajectory prediction", "document understanding",
            "fact verification", "hallucination detection", "molecular design", "change detection",
            "embodied navigation", "dialogue state tracking", "sequential recommendation",
            "video question answering", "image restoration", "pose estimation", "causal discovery",
            "offline reinforcement learning", "tool use", "theorem proving", "monocular depth estimation"}),
        Map.entry("setting", new String[] {
            "safety-critical applications", "real-world deployments", "low-resource scenarios",
            "open-world environments", "long-horizon tasks", "clinical practice", "edge devices",
            "interactive settings"}),
        Map.entry("approach", new String[] {
            "existing approaches", "prior methods", "current benchmarks", "most state-of-the-art systems",
            "conventional pipelines", "existing evaluations", "standard fine-tuning strategies"}),
        Map.entry("limitation", new String[] {
            "rely on static difficulty labels", "require large amounts of annotated data",
            "fail to generalize beyond the training distribution",
            "incur prohibitive computational costs at inference time", "suffer from severe hallucinations",
            "ignore the temporal structure of the data", "treat modalities independently and miss their interactions",
            "are sensitive to noise and adversarial perturbations", "cannot be deployed on resource-constrained devices",
            "exhibit unstable training dynamics", "depend on hand-crafted heuristics",
            "scale quadratically with sequence length", "overlook fine-grained spatial cues",
            "conflate perception errors with reasoning errors", "provide no calibrated uncertainty estimates"}),
        Map.entry("style", new String[] {
            "simple yet effective", "scalable", "training-free", "unified", "lightweight", "principled",
            "modular", "general-purpose", "model-agnostic", "data-efficient", "fully differentiable"}),
        Map.entry("framework", new String[] {
            "framework", "benchmark", "training recipe", "architecture", "plug-and-play module", "algorithm",
            "evaluation suite", "method", "pipeline"}),
        Map.entry("does", new String[] {
            "jointly models {aspect} and {aspect}", "decouples {aspect} from {aspect}",
            "learns {aspect} directly from raw observations", "adaptively allocates computation across {unit}",
            "aligns {aspect} with {aspect} through a shared latent space",
            "dynamically prunes redundant {unit}", "explicitly reasons about {aspect}",
            "distills {aspect} from a larger teacher into a compact student",
            "verifies intermediate {unit} before committing to an answer"}),
        Map.entry("aspect", new String[] {
            "visual perception", "language reasoning", "spatial structure", "temporal dynamics",
            "semantic consistency", "geometric priors", "uncertainty", "long-range dependencies",
            "local details", "global context", "task difficulty", "reward signals", "user preferences",
            "object relations", "physical constraints"}),
        Map.entry("unit", new String[] {"tokens", "layers", "agents", "frames", "experts", "reasoning steps",
            "attention heads", "views"}),
        Map.entry("component", new String[] {
            "a hierarchical memory module", "a lightweight adapter", "a dual-branch encoder",
            "a learnable routing network", "a contrastive pretraining objective",
            "a verifier-guided search procedure", "a curriculum over task difficulty",
            "a graph-based reasoning module", "a diffusion-based decoder", "an uncertainty-aware fusion layer",
            "a sparse attention mechanism", "a self-correction loop", "a mixture of low-rank experts",
            "a cross-modal alignment head", "a temporal consistency regularizer"}),
        Map.entry("goal", new String[] {
            "reduce redundant computation", "improve robustness to distribution shift",
            "capture long-range dependencies", "stabilize training", "preserve fine-grained details",
            "mitigate hallucinations", "enable efficient deployment", "improve sample efficiency",
            "enforce physical consistency", "handle missing modalities"}),
        Map.entry("objective", new String[] {
            "a combination of contrastive and reconstruction losses", "a KL-regularized policy objective",
            "a margin-based ranking loss", "group relative policy optimization",
            "a denoising score-matching objective", "direct preference optimization"}),
        Map.entry("claim", new String[] {
            "the proposed objective yields an unbiased estimate of the true gradient",
            "our estimator converges at the optimal rate under mild assumptions",
            "the approximation error is bounded by the spectral gap of the underlying graph",
            "the method recovers the true causal structure in the infinite-sample limit"}),
        Map.entry("dataset", new String[] {
            "ImageNet", "COCO", "MMLU", "GSM8K", "HumanEval", "nuScenes", "KITTI", "ScanNet", "LibriSpeech",
            "Ego4D", "VQAv2", "MathVista", "ALFWorld", "WebArena", "SWE-bench", "MIMIC-CXR", "ADE20K",
            "Cityscapes", "LongBench", "RoboMimic", "MATH-500", "AIME 2024", "Something-Something v2",
            "LIBERO", "ETTh1", "MovieLens"}),
        Map.entry("metric", new String[] {"accuracy", "mAP", "F1", "success rate", "BLEU", "PSNR", "Dice",
            "pass@1", "NDCG@10", "mIoU"}),
        Map.entry("outperforms", new String[] {
            "outperforms strong baselines by {PCT}", "improves over the previous state of the art by {PCT}",
            "achieves competitive performance with {X}x fewer parameters",
            "reduces inference latency by {PCT} while preserving accuracy",
            "consistently surpasses existing methods across all settings"}),
        Map.entry("finding", new String[] {
            "performance scales with model capacity but saturates quickly",
            "current models struggle with {task} even when given oracle perception",
            "larger models are not necessarily more robust",
            "data quality matters more than data quantity for {task}"}),
        Map.entry("user", new String[] {"opendilab", "ml-research", "vision-lab", "nlp-group", "ai4science",
            "robot-learning", "anon-submission", "openlab"})));

    static final int PARAGRAPHS_ONE_IN = 50;

    private AbstractWriter() {
    }

    static String write(String acronym, SplittableRandom rng) {
        int target = DETAILS_MIN + rng.nextInt(DETAILS_MAX - DETAILS_MIN);
        StringBuilder out = new StringBuilder(2_048);
        sentence(out, CONTEXT, acronym, rng);
        sentence(out, GAP, acronym, rng);
        if (rng.nextBoolean()) {
            sentence(out, GAP, acronym, rng);
        }
        int proposal = out.length();
        sentence(out, PROPOSAL, acronym, rng);
        // each detail template once before any repeats, as a real abstract would not restate itself
        java.util.BitSet used = new java.util.BitSet(DETAIL.length);
        while (out.length() < target) {
            int t = rng.nextInt(DETAIL.length);
            while (used.cardinality() < DETAIL.length && used.get(t)) {
                t = (t + 1) % DETAIL.length;
            }
            used.set(t);
            sentence(out, new String[] {DETAIL[t]}, acronym, rng);
        }
        int results = out.length();
        sentence(out, RESULT, acronym, rng);
        if (out.length() < SECOND_RESULT_BELOW) {
            sentence(out, RESULT, acronym, rng);
        }
        if (out.length() < OUTLOOK_BELOW) {
            sentence(out, OUTLOOK, acronym, rng);
        }
        if (rng.nextInt(PARAGRAPHS_ONE_IN) == 0) {
            // the space before a sentence becomes the paragraph break; later position first
            out.replace(results, results + 1, "\n  ");
            if (rng.nextBoolean()) {
                out.replace(proposal, proposal + 1, "\n  ");
            }
        }
        return out.toString();
    }

    private static void sentence(StringBuilder out, String[] templates, String acronym, SplittableRandom rng) {
        if (out.length() > 0) {
            out.append(' ');
        }
        int start = out.length();
        WORDS.fill(out, Phrasebook.pick(rng, templates), acronym, rng);
        out.setCharAt(start, Character.toUpperCase(out.charAt(start)));
    }
}
