/**
 * Measures search quality on judged queries ({@link dev.shelf.eval.Judgments}, by default the
 * {@link dev.shelf.eval.DevSet}) with {@link dev.shelf.eval.Metrics}, into an {@link dev.shelf.eval.EvalReport}: each
 * mode, each ranked list alone, and hybrid against the best of those lists per kind of query, with a paired test of
 * the difference ({@link dev.shelf.eval.ListComparison}).
 */
package dev.shelf.eval;
