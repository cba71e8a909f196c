package dev.shelf.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shelf.embed.SharedEncoder;
import dev.shelf.eval.DevSet;
import dev.shelf.eval.Evaluator;
import dev.shelf.eval.Judgments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * nDCG@10 of every mode on the dev set (../shared/eval, or its copy in src/test/resources/eval), real model, bundled
 * lists, scored by the evaluator that {@code shelf eval} runs.
 */
class DevSetEvalIT {

    /** The shared dev set when it is beside the checkout (the newest), else the copy kept with the tests. */
    private static final Path EVAL = Files.isDirectory(Path.of(DevSet.DIR)) ? Path.of(DevSet.DIR)
            : Path.of("src/test/resources/eval");
    private static Map<String, Evaluator.Scores> scores;

    @BeforeAll
    static void evaluateEveryRun() throws IOException {
        Judgments judgments = Judgments.load(EVAL.resolve(DevSet.QUERIES_FILE), EVAL.resolve(DevSet.QRELS_FILE));
        scores = Evaluator.evaluate(judgments, SearchSettings.DEFAULT,
                settings -> new SearchService(BundledIndex.get().index(), SharedEncoder.get(), settings));
        System.out.printf("dev set nDCG@10: hybrid %.3f, lexical %.3f, semantic %.3f, weighted %.3f, rrf %.3f%n",
                ndcg("hybrid"), ndcg("lexical"), ndcg("semantic"), ndcg("weighted"), ndcg("rrf"));
    }

    private static double ndcg(String run) {
        return scores.get(run).ndcg10();
    }

    private static String summary() {
        return String.format("hybrid %.3f, lexical %.3f, semantic %.3f", ndcg("hybrid"), ndcg("lexical"), ndcg("semantic"));
    }

    @Test
    void hybrid_ndcg_at_10_is_at_least_0_70() {
        assertTrue(ndcg("hybrid") >= 0.70, DevSetEvalIT::summary);
    }

    @Test
    void hybrid_is_at_least_as_good_as_the_better_single_mode() {
        assertTrue(ndcg("hybrid") >= Math.max(ndcg("lexical"), ndcg("semantic")), DevSetEvalIT::summary);
    }
}
