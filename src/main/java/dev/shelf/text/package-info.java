/**
 * Small text helpers every stage shares (abbreviating for messages and snippets, the HTML escaping of snippets and
 * map labels, SHA-256 digests); depends on nothing else in Shelf, so any package may use it.
 */
package dev.shelf.text;
