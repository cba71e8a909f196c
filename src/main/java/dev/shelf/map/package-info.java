/**
 * The topic map: every resource as a point of a 2-D picture of the corpus, grouped into labelled topics, computed at
 * index time ({@link dev.shelf.map.MapFiles#write}, a step {@code dev.shelf.pipeline} gives the index build) and kept
 * as {@code map.json} beside {@code build.json}, so serving it costs nothing; an unchanged corpus copies the previous
 * build's map. Pure functions over {@link dev.shelf.map.MapInput} (id, title, description, the normalized mean of its
 * passages' vectors): the layout is {@link dev.shelf.map.Umap}, the topics k-means++ clusters of the vectors
 * ({@link dev.shelf.map.Clusters}, how many: {@link dev.shelf.map.Clusters#count}), their labels class-based TF-IDF
 * ({@link dev.shelf.map.TopicLabels}), and {@link dev.shelf.map.TopicMapBuilder} puts them together (and, past
 * {@link dev.shelf.map.TopicMapBuilder#SAMPLE} resources, lays out a sample and places the rest by their nearest
 * sampled neighbours); {@link dev.shelf.map.MapSvg} draws one (the tests measure a layout's trustworthiness).
 * Everything is deterministic: a fixed seed, and arithmetic in a fixed order.
 */
package dev.shelf.map;
