package dev.shelf.search;

import dev.shelf.embed.Encoder;
import dev.shelf.embed.Scope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The fusion weight of each ranked list for one query: every list the same, or, given a semantic weight {@code s},
 * the lexical list {@code 1 - s} and the model lists {@code s} shared equally. When query-aware, a query in Chinese
 * weighs the lexical list as much as all the models together: the English models place Chinese text poorly, so giving
 * each its own equal share drowns the one list that reads Chinese well. A pure function.
 */
final class QueryWeights {

    /** Under query-aware weights, a Chinese query's lexical share: half, the models the other half. */
    static final double CHINESE_LEXICAL_SHARE = 0.5;

    private QueryWeights() {
    }

    /**
     * The weights of the lists for this query.
     *
     * @param query the user's text
     * @param lexical whether a lexical list takes part
     * @param models the model lists taking part, in order
     * @param semanticShare {@code s}, 0..1, or empty for equal weights
     * @param queryAware whether the query's form changes the weights
     * @return weight by list name, lexical first
     */
    static Map<String, Double> of(String query, boolean lexical, List<String> models, OptionalDouble semanticShare,
                                  boolean queryAware) {
        int lists = models.size() + (lexical ? 1 : 0);
        double share = semanticShare.orElse(lexical ? (double) models.size() / lists : 1);
        if (queryAware && lexical && semanticShare.isEmpty() && Scope.hasChinese(query)) {
            share = 1 - CHINESE_LEXICAL_SHARE;
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        if (lexical) {
            weights.put(SearchService.LEXICAL, 1 - share);
        }
        for (String model : models) {
            weights.put(model, share / models.size());
        }
        return weights;
    }

    /** The models asked for this query: those that cover it (a Chinese model only text with Chinese in it). */
    static List<Encoder> modelsFor(String query, List<Encoder> models) {
        return models.stream().filter(m -> m.covers(query)).toList();
    }
}
