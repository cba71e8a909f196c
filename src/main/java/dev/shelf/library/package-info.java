/**
 * The reading lists a running server indexes, kept in step with its sources folders. {@link dev.shelf.library.Library}
 * is the front: it saves and removes lists and says how each stands. Behind it, one job each: {@code ListSaver}
 * writes a list atomically (and clears at start what a killed save left), {@code ListStates} keeps each file's state
 * between folder and index, {@code Stamp} tells whether the files are as the last build read them, {@code BuildQueue}
 * decides when a re-index runs (one at a time, after a quiet time) and {@code Reindex} is one.
 * {@link dev.shelf.library.FolderWatcher} reports files changed in the folders by anyone else, which take the same
 * path; {@link dev.shelf.library.ListFileName} decides which names a client may save under. With a store several
 * servers share (a cluster), {@code ListSync} takes into the first folder the lists of the builds other servers
 * publish, by a three-way merge per file name.
 */
package dev.shelf.library;
