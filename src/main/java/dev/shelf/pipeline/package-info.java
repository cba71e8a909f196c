/**
 * From reading lists to a served build: {@link dev.shelf.pipeline.ListIndexer} ingests the lists and has the index
 * built with its topic map, for the command line, the server's library and the tests alike. It is here, above both
 * {@code index} and {@code map}, so that the index build takes the map as a step and depends on nothing drawn from it.
 */
package dev.shelf.pipeline;
