/**
 * Reads one Markdown reading list into entries. Markdown is the one format whose entries are found by reading the
 * document's shape (headings, prose, list items, tables) rather than named fields, so its reader has several pieces;
 * they live apart from the other formats, and only {@link dev.shelf.ingest.markdown.MarkdownParser} is seen outside.
 * They write through {@code dev.shelf.ingest}'s {@code EntryCollector} and {@code TextCleaner}, as every format does.
 * <ul>
 *   <li>{@code MarkdownParser} makes the source safe to parse ({@code MarkdownGuard} cuts nesting that would exhaust
 *       the parser and escapes unclosed blocks that would hide the rest of the list), parses it with commonmark and
 *       starts the walk.</li>
 *   <li>{@code BlockWalker} visits the blocks in order and decides which piece reads each; it passes over skipped
 *       parts and reads blocks nested too deep without recursion.</li>
 *   <li>{@code SectionTracker} decides what a heading is (the list's name, the start of a part to skip, a heading
 *       link, or a section), keeps the section path of the entries under it, and decides when a section's prose
 *       becomes a section entry.</li>
 *   <li>{@code ProseReader} reads running text (paragraphs and the text of list items) and decides how each link in
 *       it is titled and described; {@code LinkOrProse} decides whether running text is prose as well as links, and
 *       whether short text is a label; {@code LinkText} decides which link texts say nothing of their target and
 *       takes the facts (a duration, a date) off their end.</li>
 *   <li>{@code ListReader} reads list items and decides which are concepts ({@code **Term**: definition}) and which
 *       name a sub-section for the items nested under them.</li>
 *   <li>{@code TableReader} reads table rows and decides each row's title, description, metadata, and whether it is a
 *       link or a concept; {@code TableHeader} decides which column describes the rows.</li>
 *   <li>{@code InlineText} gives the plain text of inline content and the links in it; {@code Nodes} gives a node's
 *       line.</li>
 * </ul>
 */
package dev.shelf.ingest.markdown;
