/**
 * The reading lists a running server indexes, kept in step with its sources folders: {@link dev.shelf.library.Library}
 * saves and removes lists (atomically) and re-indexes one build at a time after a quiet time;
 * {@link dev.shelf.library.FolderWatcher} reports files changed in the folders by anyone else, which take the same
 * path; {@link dev.shelf.library.ListFileName} decides which names a client may save under.
 */
package dev.shelf.library;
