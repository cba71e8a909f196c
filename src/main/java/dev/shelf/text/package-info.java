/**
 * Small text helpers every stage shares (abbreviating for messages and snippets, SHA-256 digests); depends on
 * nothing else in Shelf, so any package may use it.
 */
package dev.shelf.text;
