/**
 * Measures speed, memory and scale as numbers ({@link dev.shelf.bench.Benchmark}, with loopback load from
 * {@link dev.shelf.bench.LoadGenerator} against the server the caller starts through an
 * {@link dev.shelf.bench.ApiServer}, and synthetic corpora built through a
 * {@link dev.shelf.bench.RandomVectorEncoder}) into a {@link dev.shelf.bench.BenchmarkReport}; never asserts them.
 */
package dev.shelf.bench;
