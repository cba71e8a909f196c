// Settings: every constant of the UI in one place (page size, timings, example queries, labels).

/** Results asked for per search (the API's k). */
export const RESULTS_PER_PAGE = 20;
/** Related articles shown under a result. */
export const RELATED_COUNT = 5;
/** Quiet time after the last keystroke before searching, in milliseconds. */
export const DEBOUNCE_MS = 140;
/** Wait before asking for the lists again while the index is being built, in milliseconds. */
export const SOURCES_RETRY_MS = 2000;
/** How often the lists' states are asked for while one is indexing, in milliseconds. */
export const LISTS_POLL_MS = 1000;
/** Wait before retrying a search the server refused with 503 and no Retry-After, in seconds. */
export const SEARCH_RETRY_SECONDS = 2;
/** The search mode used when the URL names none (and left out of the URL). */
export const DEFAULT_MODE = "hybrid";

/** Queries offered on the empty page. */
export const EXAMPLES = [
  "how do I fine-tune a 7B model on one GPU?",
  "what is GGUF",
  "merge models without training",
  "evaluate a RAG pipeline",
  "serve many LoRA adapters from one deployment",
  "模型量化",
  "vector database",
  "remove the refusal behaviour of a model",
];

/** How each kind of result is named on its card. */
export const KIND_LABELS = { link: "article", concept: "concept", section: "section" };
