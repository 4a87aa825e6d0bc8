package org.digestkg.extractor.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArxivCategoriesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cs.CV             | Computer Vision and Pattern Recognition
            cs.CL             | Computation and Language
            cs.LG             | Machine Learning
            cs.AI             | Artificial Intelligence
            cs.MA             | Multiagent Systems
            cs.DC             | Distributed, Parallel, and Cluster Computing
            stat.ML           | Machine Learning
            math.OC           | Optimization and Control
            math-ph           | Mathematical Physics
            eess.IV           | Image and Video Processing
            econ.EM           | Econometrics
            astro-ph.CO       | Cosmology and Nongalactic Astrophysics
            cond-mat.mes-hall | Mesoscale and Nanoscale Physics
            hep-th            | High Energy Physics - Theory
            nucl-ex           | Nuclear Experiment
            gr-qc             | General Relativity and Quantum Cosmology
            quant-ph          | Quantum Physics
            nlin.CD           | Chaotic Dynamics
            physics.flu-dyn   | Fluid Dynamics
            q-bio.NC          | Neurons and Cognition
            q-fin.TR          | Trading and Market Microstructure
            """)
    void labelsTheTaxonomy(String code, String label) {
        assertEquals(Optional.of(label), ArxivCategories.label(code));
    }

    @Test
    void unknownCodesHaveNoLabel() {
        assertEquals(Optional.empty(), ArxivCategories.label("cs.XX"));
        assertEquals(Optional.empty(), ArxivCategories.label(null));
        assertEquals(Optional.of("Computer Vision and Pattern Recognition"), ArxivCategories.label(" cs.CV "));
    }

    @Test
    void tableIsComplete() {
        // 155 current categories, plus archive-level and retired codes
        assertTrue(ArxivCategories.codes().size() >= 155, "size " + ArxivCategories.codes().size());
        assertEquals(40, ArxivCategories.codes().stream().filter(c -> c.startsWith("cs.")).count());
        assertEquals(32, ArxivCategories.codes().stream().filter(c -> c.startsWith("math.")).count());
        assertEquals(22, ArxivCategories.codes().stream().filter(c -> c.startsWith("physics.")).count());
    }
}
