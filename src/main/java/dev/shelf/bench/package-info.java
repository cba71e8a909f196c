/**
 * Measures speed, memory and scale as numbers ({@link dev.shelf.bench.Benchmark}, with loopback load from
 * {@link dev.shelf.bench.LoadGenerator}); never asserts them.
 */
package dev.shelf.bench;
