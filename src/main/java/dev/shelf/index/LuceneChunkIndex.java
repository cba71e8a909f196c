package dev.shelf.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shelf.ingest.Resource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded Lucene implementation of {@link ChunkIndex} over one complete build folder. User text is analyzed
 * into terms and turned into term queries directly, so no input can raise a query-syntax error.
 * NOTE: thread-safe; one reader and searcher serve every thread, since a complete build never changes.
 */
public final class LuceneChunkIndex implements ChunkIndex {


    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final ShelfAnalyzer analyzer = new ShelfAnalyzer();
    private final Map<String, Resource> resources;
    private final BuildInfo info;
    private final PassageTable passages;

    private LuceneChunkIndex(Directory directory, DirectoryReader reader, Map<String, Resource> resources,
                             BuildInfo info, PassageTable passages) {
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.resources = resources;
        this.info = info;
        this.passages = passages;
    }

    /** Opens a complete build folder. */
    public static LuceneChunkIndex open(Path build) throws IOException {
        BuildInfo info = BuildInfo.read(build);
        if (info.format() != BuildInfo.FORMAT) {
            throw new IOException("the index " + build + " was built by another version of Shelf (format "
                    + info.format() + ", this version reads " + BuildInfo.FORMAT + "); run `shelf index` to rebuild it");
        }
        ObjectMapper json = new ObjectMapper();
        Directory directory = FSDirectory.open(build);
        DirectoryReader reader = null;
        try {
            reader = DirectoryReader.open(directory);
            Map<String, Resource> resources = new LinkedHashMap<>();
            // The build is complete and never written again, so document numbers stay put for the reader's life.
            PassageTable passages = PassageTable.read(reader);
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                String resourceJson = stored.document(doc, Set.of(IndexFields.RESOURCE_JSON)).get(IndexFields.RESOURCE_JSON);
                if (resourceJson != null) {
                    Resource r = json.readValue(resourceJson, Resource.class);
                    resources.put(r.id(), r);
                }
            }
            return new LuceneChunkIndex(directory, reader, Collections.unmodifiableMap(resources), info, passages);
        } catch (IOException | RuntimeException e) {
            try (Directory d = directory; DirectoryReader r = reader) {
                // both closed, the reader first; a null reader is skipped
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public Optional<Path> folder() {
        return directory instanceof FSDirectory fs ? Optional.of(fs.getDirectory()) : Optional.empty();
    }

    @Override
    public List<ChunkHit> lexical(String text, Set<String> sources, int n) {
        List<String> terms = analyzer.queryTerms(text);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : terms) {
            List<Query> perField = new ArrayList<>();
            IndexFields.LEXICAL_BOOSTS.forEach((field, boost) -> perField.add(new BoostQuery(new TermQuery(new Term(field, term)), boost)));
            query.add(new DisjunctionMaxQuery(perField, IndexFields.TIE_BREAKER), BooleanClause.Occur.SHOULD);
        }
        // At least one word must match: beside a FILTER clause, SHOULD clauses alone would match every passage.
        query.setMinimumNumberShouldMatch(1);
        Query filter = sourceFilter(sources);
        if (filter != null) {
            query.add(filter, BooleanClause.Occur.FILTER);
        }
        return search(query.build(), n, false);
    }

    @Override
    public List<ChunkHit> semantic(String model, float[] vector, Set<String> sources, int n) {
        if (!info.searchable(model, vector)) {
            return List.of();
        }
        return search(new KnnFloatVectorQuery(IndexFields.vector(model), vector, n, sourceFilter(sources)), n, true);
    }

    @Override
    public List<ChunkHit> moreLikeThis(String resourceId, int n) {
        Resource resource = resources.get(resourceId);
        if (resource == null) {
            return List.of();
        }
        return withSearcher(searcher -> {
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(analyzer);
            mlt.setFieldNames(new String[] {IndexFields.TITLE, IndexFields.BODY});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMaxQueryTerms(25);
            Query query = mlt.like(IndexFields.BODY, new StringReader(resource.title() + "\n" + resource.description()));
            return hits(searcher.search(query, n), false);
        });
    }

    @Override
    public Optional<String> passage(String resourceId, int ordinal) {
        OptionalInt doc = passages.doc(resourceId, ordinal);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        return withSearcher(searcher -> Optional.ofNullable(
                searcher.storedFields().document(doc.getAsInt(), Set.of(IndexFields.BODY)).get(IndexFields.BODY)));
    }

    @Override
    public Optional<float[]> vector(String resourceId) {
        OptionalInt doc = passages.doc(resourceId, 0);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        return withSearcher(searcher -> {
            Document stored = searcher.storedFields().document(doc.getAsInt(), Set.of(IndexFields.VECTOR_BYTES));
            var bytes = stored.getBinaryValue(IndexFields.VECTOR_BYTES);
            return bytes == null ? Optional.<float[]>empty() : Optional.of(LuceneStore.fromBytes(bytes));
        });
    }

    @Override
    public Optional<Resource> resource(String id) {
        return Optional.ofNullable(resources.get(id));
    }

    @Override
    public Collection<Resource> resources() {
        return resources.values();
    }

    @Override
    public Function<String, Optional<String>> highlighter(String query) {
        return Highlights.of(analyzer, query);
    }

    @Override
    public BuildInfo info() {
        return info;
    }

    private static Query sourceFilter(Set<String> sources) {
        if (sources == null || sources.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        sources.forEach(s -> filter.add(new TermQuery(new Term(IndexFields.SOURCE, s)), BooleanClause.Occur.SHOULD));
        return filter.build();
    }

    private List<ChunkHit> search(Query query, int n, boolean vectorScores) {
        return withSearcher(searcher -> hits(searcher.search(query, n), vectorScores));
    }

    /** The hits as passages, best first, ties broken by resource id and ordinal. */
    private List<ChunkHit> hits(TopDocs top, boolean vectorScores) {
        List<ChunkHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            // Lucene scores dot-product similarity as (1 + cos) / 2; report the cosine itself.
            hits.add(passages.hit(sd.doc, vectorScores ? 2 * sd.score - 1 : sd.score));
        }
        hits.sort(ChunkHit.BEST_FIRST);
        return hits;
    }


    private interface SearcherTask<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherTask<T> task) {
        try {
            return task.run(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("index read failed in " + directory, e);
        }
    }

    @Override
    public void close() {
        try (Directory d = directory; DirectoryReader r = reader) {
            // Closed in reverse order of opening by try-with-resources.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the index " + directory, e);
        }
    }
}
