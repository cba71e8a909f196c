/**
 * Reads reading lists (Markdown and plain-text outlines) and turns their entries into clean, deduplicated
 * {@link dev.shelf.ingest.Resource}s; {@link dev.shelf.ingest.Ingester} is the public face.
 */
package dev.shelf.ingest;
