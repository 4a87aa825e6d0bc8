package org.digestkg.bench;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes titles from a per-paper seed rather than storing them: a paper listed again weeks later gets
 * back exactly its title, and a revision keeps the method's name but rewords the rest.
 */
final class TitleMaker {

    private static final long WORDING_SALT = 0x2545F4914F6CDD1DL;
    private static final long REVISION_SALT = 0x5DEECE66DL;

    private static final String[] PREFIX = {
        "World", "Adapt", "Mem", "Vision", "Flow", "Graph", "Token", "Omni", "Meta", "Hyper", "Deep", "Fast",
        "Sparse", "Geo", "Med", "Robo", "Agent", "Chain", "Diff", "Trans", "Micro", "Nano", "Poly", "Quant",
        "Scene", "Motion", "Video", "Audio", "Spec", "Logic", "Proof", "Code", "Math", "Plan", "Cross", "Uni",
        "Long", "Edge", "Swift", "Echo", "Lumen", "Atlas", "Orbit", "Prism", "Nova", "Pixel", "Voxel", "Med"
    };
    private static final String[] SUFFIX = {
        "Bench", "VQA", "Net", "Former", "Stream", "GPT", "RL", "Diff", "Mamba", "Seg", "Gen", "LM", "Fusion",
        "Nav", "Plan", "Agent", "Det", "Track", "Mind", "Eval", "Align", "Tune", "Prompt", "KV", "Sim", "Map",
        "Pose", "Gaussian", "NeRF", "Coder", "Math", "Judge", "Guard", "Pilot", "Verse", "Scope", "Lens", "X"
    };

    private static final String[] TEMPLATES_WITH_NAME = {
        "{ACR}: {adj} {object} for {task}",
        "{ACR}: {gerund} {object} via {technique}",
        "{ACR}: A Benchmark for {task} in {domain}",
        "{ACR}: Towards {adj} {task} with {technique}",
        "{ACR}: {gerund} {task} through {technique}",
        "{ACR}: {adj} and {adj} {object} for {domain}",
        "{ACR}: Scaling {object} to {domain}",
    };
    private static final String[] TEMPLATES_PLAIN = {
        "{adj} {object} for {task}",
        "{gerund} {object} with {technique} for {task}",
        "Towards {adj} {task}: {adj} {object} in {domain}",
        "When {object} Meet {technique}: Rethinking {task}",
        "Rethinking {task} for {domain}",
        "On the Limits of {object} for {task}",
        "{object} Are {adj} Learners of {task}",
        "Learning to {verb} {object} for {task} in {domain}",
    };

    private static final Phrasebook WORDS = new Phrasebook(Map.of(
        "adj", new String[] {
            "Efficient", "Scalable", "Robust", "Adaptive", "Unified", "Hierarchical", "Sparse", "Training-Free",
            "Self-Supervised", "Multimodal", "Interpretable", "Fine-Grained", "Lightweight", "Generalizable",
            "Uncertainty-Aware", "Physics-Informed", "Causal", "Contrastive", "Federated", "Zero-Shot",
            "Few-Shot", "Long-Context", "Privacy-Preserving", "Compositional", "Temporal", "Geometry-Aware",
            "Continual", "Decentralized", "Probabilistic", "Controllable", "Faithful", "Data-Efficient",
            "Memory-Efficient", "Verifiable", "Agentic", "Streaming", "Equivariant", "Open-Vocabulary"},
        "object", new String[] {
            "Representation Learning", "Diffusion Policies", "Vision Transformers", "Language Agents",
            "Reward Models", "Graph Neural Networks", "Mixture-of-Experts", "State Space Models",
            "Token Pruning", "Preference Optimization", "Neural Radiance Fields", "Gaussian Splatting",
            "World Models", "Retrieval-Augmented Generation", "Chain-of-Thought Reasoning", "Test-Time Scaling",
            "Knowledge Distillation", "Speculative Decoding", "Low-Rank Adaptation", "Video Diffusion Models",
            "Point Cloud Encoders", "Vision-Language Models", "Large Language Models", "Multi-Agent Systems",
            "Implicit Neural Representations", "Kernel Methods", "Normalizing Flows", "Spiking Neural Networks",
            "Process Reward Models", "Embodied Agents", "Tabular Foundation Models", "Audio Language Models"},
        "task", new String[] {
            "Open-Vocabulary Detection", "Medical Image Segmentation", "Long-Horizon Manipulation",
            "Multi-Agent Coordination", "Autonomous Driving", "Mathematical Reasoning", "Code Generation",
            "Visual Question Answering", "Time Series Forecasting", "Machine Translation", "Speech Recognition",
            "3D Scene Understanding", "Text-to-Image Synthesis", "Anomaly Detection", "Trajectory Prediction",
            "Document Understanding", "Fact Verification", "Hallucination Detection", "Molecular Design",
            "Change Detection", "Embodied Navigation", "Dialogue Systems", "Sequential Recommendation",
            "Video Question Answering", "Image Restoration", "Pose Estimation", "Causal Discovery",
            "Offline Reinforcement Learning", "Tool Use", "Theorem Proving", "Depth Estimation"},
        "technique", new String[] {
            "Verifiable Rewards", "Contrastive Alignment", "Dynamic Token Routing", "Hierarchical Planning",
            "Latent Diffusion", "Curriculum Learning", "Monte Carlo Tree Search", "Optimal Transport",
            "Energy-Based Modeling", "Self-Distillation", "Spectral Filtering", "Memory Replay",
            "Program Synthesis", "Mixture of LoRA Experts", "Score Matching", "Prompt Tuning",
            "Structured Pruning", "Active Learning", "Bayesian Optimization", "Flow Matching"},
        "domain", new String[] {
            "Low-Resource Languages", "Surgical Videos", "Satellite Imagery", "Clinical Notes",
            "Legal Documents", "Urban Scenes", "Edge Devices", "Scientific Literature", "Financial Markets",
            "Multi-Robot Systems", "Histopathology", "Education", "Power Grids", "Underwater Environments",
            "Autonomous Laboratories", "Open-World Settings", "Long Videos", "Code Repositories"},
        "gerund", new String[] {
            "Rethinking", "Scaling", "Aligning", "Distilling", "Grounding", "Compressing", "Steering",
            "Benchmarking", "Accelerating", "Unifying", "Revisiting", "Calibrating", "Bridging"},
        "verb", new String[] {"Align", "Compose", "Prune", "Route", "Calibrate", "Ground", "Steer", "Adapt"}));

    private TitleMaker() {
    }

    static Title title(long seed) {
        return make(seed, new SplittableRandom(seed ^ WORDING_SALT));
    }

    /** The title a revision carries: the same method name, other words (never the very same title). */
    static Title revised(long seed) {
        String original = title(seed).text();
        for (long salt = REVISION_SALT; ; salt++) {
            Title revision = make(seed, new SplittableRandom(seed ^ salt));
            if (!revision.text().equals(original)) {
                return revision;
            }
        }
    }

    private static Title make(long seed, SplittableRandom wording) {
        // the name comes from the seed alone, so a revision keeps it
        SplittableRandom naming = new SplittableRandom(seed);
        String acronym = Phrasebook.pick(naming, PREFIX) + Phrasebook.pick(naming, SUFFIX);
        boolean named = naming.nextInt(10) < 6;
        String[] templates = named ? TEMPLATES_WITH_NAME : TEMPLATES_PLAIN;
        String text = WORDS.fill(Phrasebook.pick(wording, templates), acronym, wording);
        return new Title(text, acronym);
    }
}
