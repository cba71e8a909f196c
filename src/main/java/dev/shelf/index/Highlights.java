package dev.shelf.index;

import dev.shelf.text.HtmlText;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryTermScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;

/**
 * Snippets of a passage for one query, made in Shelf from the passage's text whichever store holds the passages:
 * the words of the query (as {@link ShelfAnalyzer} finds them) marked, cut to the best fragments.
 */
public final class Highlights {

    private static final int FRAGMENT_CHARS = 180;
    private static final int FRAGMENTS = 2;

    private Highlights() {
    }

    /**
     * A highlighter for one query: given a passage, the passage as HTML-escaped text with the words of {@code query}
     * wrapped in {@code <mark>}, cut to the best fragments; empty when no word of the query occurs in it.
     * NOTE: not thread-safe; use it in one thread.
     */
    public static Function<String, Optional<String>> of(ShelfAnalyzer analyzer, String query) {
        List<String> terms = analyzer.queryTerms(query);
        if (terms.isEmpty()) {
            return passage -> Optional.empty();
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        terms.forEach(t -> q.add(new TermQuery(new Term(IndexFields.BODY, t)), BooleanClause.Occur.SHOULD));
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), HtmlText::escape,
                new QueryTermScorer(q.build(), IndexFields.BODY));
        highlighter.setTextFragmenter(new SimpleFragmenter(FRAGMENT_CHARS));
        highlighter.setMaxDocCharsToAnalyze(Integer.MAX_VALUE);
        return passage -> {
            if (passage.isEmpty()) {
                return Optional.empty();
            }
            try {
                String[] fragments = highlighter.getBestFragments(analyzer, IndexFields.BODY, passage, FRAGMENTS);
                return fragments.length == 0 ? Optional.empty() : Optional.of(String.join(" … ", fragments).strip());
            } catch (IOException | InvalidTokenOffsetsException e) {
                return Optional.empty();
            }
        };
    }
}
