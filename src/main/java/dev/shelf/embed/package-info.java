/**
 * Turns text into normalized vectors with a local ONNX sentence-transformer ({@link dev.shelf.embed.OnnxEncoder}),
 * described by a small {@link dev.shelf.embed.ModelSpec} per model, with an {@link dev.shelf.embed.EmbeddingCache}
 * so unchanged text is never embedded twice.
 */
package dev.shelf.embed;
