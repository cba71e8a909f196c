package dev.shelf.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class PassageTableTest {

    @Test
    void each_document_maps_to_its_resource_and_ordinal_and_back_across_segments() throws Exception {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
                writer.addDocument(passage("r1", 0));
                writer.addDocument(passage("r2", 0));
                writer.commit(); // a second segment, so document numbers carry a doc base
                writer.addDocument(passage("r1", 1));
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertEquals(2, reader.leaves().size());
                PassageTable table = PassageTable.read(reader);
                assertEquals(new ChunkHit("r1", 0, 0.5f), table.hit(0, 0.5f));
                assertEquals(new ChunkHit("r2", 0, 1f), table.hit(1, 1f));
                assertEquals(new ChunkHit("r1", 1, 2f), table.hit(2, 2f));
                assertEquals(OptionalInt.of(2), table.doc("r1", 1));
                assertEquals(OptionalInt.of(1), table.doc("r2", 0));
                assertEquals(OptionalInt.empty(), table.doc("r2", 1));
                assertEquals(OptionalInt.empty(), table.doc("r1", -1));
                assertEquals(OptionalInt.empty(), table.doc("unknown", 0));
            }
        }
    }

    private static Document passage(String resource, int ordinal) {
        Document doc = new Document();
        doc.add(new SortedDocValuesField(IndexFields.RESOURCE, new BytesRef(resource)));
        doc.add(new NumericDocValuesField(IndexFields.ORDINAL, ordinal));
        return doc;
    }
}
