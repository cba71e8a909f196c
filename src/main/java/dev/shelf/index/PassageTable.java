package dev.shelf.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;

/**
 * Which resource and ordinal each passage (Lucene document) of a build is, read once when the build is opened. A
 * build is never written after it is complete, so its document numbers never change; looking a hit up here costs an
 * array read, where the doc-values terms dictionary cost a seek and a decode per hit (the largest share of a cached
 * search, measured with JDK Flight Recorder).
 */
final class PassageTable {

    private final String[] resourceIds;
    private final int[] ordinals;
    /** Each resource's documents by ordinal. */
    private final Map<String, int[]> docsByResource;

    private PassageTable(String[] resourceIds, int[] ordinals, Map<String, int[]> docsByResource) {
        this.resourceIds = resourceIds;
        this.ordinals = ordinals;
        this.docsByResource = docsByResource;
    }

    /** Reads the resource id and ordinal doc values of every document of {@code reader}. */
    static PassageTable read(IndexReader reader) throws IOException {
        String[] resourceIds = new String[reader.maxDoc()];
        int[] ordinals = new int[reader.maxDoc()];
        Map<String, String> interned = new HashMap<>();
        Map<String, Integer> passages = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            SortedDocValues ids = DocValues.getSorted(leaf.reader(), IndexFields.RESOURCE);
            NumericDocValues ords = DocValues.getNumeric(leaf.reader(), IndexFields.ORDINAL);
            String[] byOrd = new String[ids.getValueCount()];
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                if (!ids.advanceExact(doc) || !ords.advanceExact(doc)) {
                    throw new IOException("passage " + (leaf.docBase + doc) + " has no resource id or ordinal");
                }
                int ord = ids.ordValue();
                if (byOrd[ord] == null) {
                    byOrd[ord] = interned.computeIfAbsent(ids.lookupOrd(ord).utf8ToString(), s -> s);
                }
                String id = byOrd[ord];
                resourceIds[leaf.docBase + doc] = id;
                ordinals[leaf.docBase + doc] = (int) ords.longValue();
                passages.merge(id, ordinals[leaf.docBase + doc] + 1, Math::max);
            }
        }
        Map<String, int[]> docsByResource = new HashMap<>();
        passages.forEach((id, count) -> {
            int[] docs = new int[count];
            Arrays.fill(docs, -1);
            docsByResource.put(id, docs);
        });
        for (int doc = 0; doc < resourceIds.length; doc++) {
            docsByResource.get(resourceIds[doc])[ordinals[doc]] = doc;
        }
        return new PassageTable(resourceIds, ordinals, docsByResource);
    }

    /** The hit of document {@code doc} with the given score. */
    ChunkHit hit(int doc, float score) {
        return new ChunkHit(resourceIds[doc], ordinals[doc], score);
    }

    /** The document of a resource's passage, if the build has it. */
    OptionalInt doc(String resourceId, int ordinal) {
        int[] docs = docsByResource.get(resourceId);
        return docs == null || ordinal < 0 || ordinal >= docs.length || docs[ordinal] < 0
                ? OptionalInt.empty() : OptionalInt.of(docs[ordinal]);
    }
}
