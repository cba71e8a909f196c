/**
 * Measures search quality on judged queries ({@link dev.shelf.eval.Judgments}, by default the
 * {@link dev.shelf.eval.DevSet}) with {@link dev.shelf.eval.Metrics}, into an {@link dev.shelf.eval.EvalReport}.
 */
package dev.shelf.eval;
