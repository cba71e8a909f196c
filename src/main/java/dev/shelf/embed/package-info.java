/**
 * Turns text into normalized vectors: {@link dev.shelf.embed.Encoder} is what indexing and search need of a model,
 * {@link dev.shelf.embed.OnnxEncoder} the local ONNX sentence-transformer that implements it, described by a small
 * {@link dev.shelf.embed.ModelSpec} per model (pooling, prefix, dimensions, checksums, checked by
 * {@code ModelFileCheck}, which remembers a passed check; {@code OrtLibraries} points ONNX Runtime at the native
 * library the build unpacked);
 * {@link dev.shelf.embed.ModelLoader} loads a set of models side by side, {@link dev.shelf.embed.LoadingEncoder}
 * stands for a model still loading in the background (a server listens meanwhile), and the
 * {@link dev.shelf.embed.EmbeddingCache} keeps unchanged text from being embedded twice.
 */
package dev.shelf.embed;
