/** Measures search quality on judged queries: {@link dev.shelf.eval.Judgments} and {@link dev.shelf.eval.Metrics}. */
package dev.shelf.eval;
