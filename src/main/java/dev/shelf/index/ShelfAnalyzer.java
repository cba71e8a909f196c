package dev.shelf.index;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The analyzer of every text field: Unicode word breaking, CJK width folding, Traditional Chinese folded to Simplified
 * (ICU's transform: 機器學習 and 机器学习 are the same terms), CJK bigrams (Chinese, Japanese, Korean runs become
 * overlapping pairs), lower case, ASCII folding, English possessives, stop words and Porter stemming.
 * One analyzer serves mixed-language lists because each filter touches only its own script. NOTE: thread-safe.
 */
public final class ShelfAnalyzer extends Analyzer {

    /**
     * English stop words plus the words of a question ("how do I ...", "what is ..."): people ask in sentences, and
     * those words would otherwise match every passage that happens to contain them.
     */
    private static final CharArraySet STOP_WORDS = stopWords();

    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        set.addAll(List.of("what", "whats", "how", "why", "when", "where", "which", "who", "do", "does", "did", "i", "me",
                "my", "we", "our", "you", "your", "can", "could", "should", "would", "want", "need", "get", "any"));
        return CharArraySet.unmodifiableSet(set);
    }

    /** The most distinct terms a search looks for: a pasted page adds nothing after that many. */
    public static final int MAX_QUERY_TERMS = 64;

    /** Every term of the text, in order, repeats included: what an index stores for it. */
    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        analyze(text, terms, Integer.MAX_VALUE);
        return terms;
    }

    /** The distinct terms of user text, in order, at most {@value #MAX_QUERY_TERMS}: what a search looks for. */
    public List<String> queryTerms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        analyze(text, terms, MAX_QUERY_TERMS);
        return new ArrayList<>(terms);
    }

    private void analyze(String text, java.util.Collection<String> into, int limit) {
        try (TokenStream stream = tokenStream(IndexFields.BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && into.size() < limit) {
                into.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyze the text", e);
        }
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new HanOnly(stream);
        stream = new LowerCaseFilter(stream);
        stream = new CJKBigramFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new EnglishPossessiveFilter(stream);
        stream = new StopFilter(stream, STOP_WORDS);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(new ICUTransformFilter(new CJKWidthFilter(in),
                traditionalToSimplified())));
    }

    /**
     * ICU's Traditional-Simplified transform on Han characters only: the tokenizer makes each one a token of its own,
     * and running the transform's rules over every English word too cost every search's analysis and highlighting.
     */
    private static final class HanOnly extends ConditionalTokenFilter {
        private static final String IDEOGRAPHIC = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];
        private final TypeAttribute type = addAttribute(TypeAttribute.class);

        HanOnly(TokenStream input) {
            super(input, in -> new ICUTransformFilter(in, traditionalToSimplified()));
        }

        @Override
        protected boolean shouldFilter() {
            return IDEOGRAPHIC.equals(type.type());
        }
    }

    /**
     * Compiles ICU's Traditional-Simplified rules: the first compile takes about half a second, which a server does
     * beside loading its models rather than in its first search.
     */
    public static void prepare() {
        traditionalToSimplified();
    }

    /**
     * The one transform every token stream shares. ICU's transliterators are stateless (its documentation: "threads
     * may share transliterators without synchronizing them"); making one per token stream cost each new server thread
     * tens of milliseconds, a visible share of a 16-client load (JFR). Lucene's filter would narrow the transform to
     * its source characters on first use, a write; it is done here, once, before the instance is shared.
     */
    private static Transliterator traditionalToSimplified() {
        return SharedTransform.INSTANCE;
    }

    /** Made on first use (the holder idiom), never changed after. */
    private static final class SharedTransform {
        static final Transliterator INSTANCE = create();

        private static Transliterator create() {
            Transliterator transform = Transliterator.getInstance("Traditional-Simplified");
            if (transform.getFilter() == null) {
                UnicodeSet source = transform.getSourceSet();
                if (source != null && !source.isEmpty()) {
                    transform.setFilter(source);
                }
            }
            return transform;
        }
    }
}
