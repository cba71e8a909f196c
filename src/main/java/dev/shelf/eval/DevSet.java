package dev.shelf.eval;

/**
 * Where the judged dev set lives: the queries and judgments shared beside the checkout, which {@code eval} scores and
 * {@code bench} times by default. Paths are relative to the repository root, where the commands run.
 */
public final class DevSet {

    /** The shared folder. */
    public static final String DIR = "../shared/eval";
    /** File name of the queries, JSON lines {@code {"id", "query"}}. */
    public static final String QUERIES_FILE = "dev-queries.jsonl";
    /** File name of the judgments, TSV {@code query_id <TAB> key <TAB> grade}. */
    public static final String QRELS_FILE = "dev-qrels.tsv";
    /** The default {@code --queries} of {@code eval} and {@code bench}. */
    public static final String QUERIES = DIR + "/" + QUERIES_FILE;
    /** The default {@code --qrels} of {@code eval}. */
    public static final String QRELS = DIR + "/" + QRELS_FILE;

    private DevSet() {
    }
}
