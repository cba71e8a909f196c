/** Measures speed, memory and scale as numbers ({@link dev.shelf.bench.Benchmark}); never asserts them. */
package dev.shelf.bench;
