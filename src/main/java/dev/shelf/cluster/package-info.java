/**
 * A local OpenSearch cluster for trying and testing the OpenSearch backend: {@link dev.shelf.cluster.LocalCluster}
 * starts N nodes of an unpacked OpenSearch distribution (the one the build puts in {@code target/opensearch}) as real
 * processes on loopback, each with its own ports and folders, installs the k-NN plugin into the distribution once, and
 * can kill, restart and stop them. When Shelf runs as root the nodes run as {@code nobody}, since OpenSearch refuses
 * root. {@link dev.shelf.cluster.ClusterPlan} is the pure part: which ports, folders and settings each node gets.
 */
package dev.shelf.cluster;
