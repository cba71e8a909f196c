/**
 * Which resources are one work at different addresses: a mirror, a paper's PDF beside its abstract, a notebook on
 * Colab and on GitHub. Computed once per build from the resources ({@link dev.shelf.works.Works}), kept in the build
 * folder, and used by the search to show each work once with its other copies.
 */
package dev.shelf.works;
