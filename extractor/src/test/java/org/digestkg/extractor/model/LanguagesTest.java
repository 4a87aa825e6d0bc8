package org.digestkg.extractor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            WorldVQA是一个评估多模态大语言模型视觉世界原子知识的基准。                                   | zh
            提出了AdaptMMBench基准                                                                  | zh
            使用 GPT-4、LLaMA-2-7B、Mistral-7B 和 RoBERTa-large 进行实验                             | zh
            視覚知識の検索と推論を分離するベンチマークを設計した。                                   | ja
            大規模言語モデルのための新しい手法                                                        | ja
            모델의 시각적 사실성을 엄격하게 평가할 수 있다.                                            | ko
            Мы представляем новый эталонный тест для мультимодальных моделей.                     | ru
            نقدم معيارا جديدا لتقييم النماذج                                                       | ar
            We introduce WorldVQA, a benchmark for the atomic knowledge of models.                 | en
            A benchmark.                                                                           | en
            We cite the work of de la Fuente on the topic.                                         | en
            English text quoting 中文 once among many other English words here.                     | en
            Nous présentons une nouvelle méthode pour la détection des objets dans les images.    | fr
            Wir stellen eine neue Methode für die Erkennung von Objekten vor, die nicht teuer ist. | de
            Presentamos un nuevo método para la detección de objetos en las imágenes del mundo.    | es
            Apresentamos um novo método para a detecção de objetos nas imagens do mundo real.      | pt
            Presentiamo un nuovo metodo per il rilevamento degli oggetti nelle immagini della città. | it
            12345 ... 67                                                                            | und
            """)
    void tagsByTheScriptAndWordsActuallyUsed(String text, String tag) {
        assertEquals(tag, Languages.tag(text));
    }
}
