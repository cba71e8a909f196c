/**
 * Reads reading lists (Markdown, plain-text outlines, bookmark HTML, CSV, OPML and BibTeX) and turns their entries into clean, deduplicated
 * {@link dev.shelf.ingest.Resource}s; {@link dev.shelf.ingest.Ingester} is the public face.
 *
 * <h2>From files to resources</h2>
 * <ol>
 *   <li>{@code SourceReader} reads a file into text, or says why it cannot (too large, empty, binary, undecodable);
 *       {@code MojibakeRepair} undoes UTF-8 that was read as Mac Roman.</li>
 *   <li>{@code FormatDetector} decides which {@link dev.shelf.ingest.ListFormat} the text is in, by its content first
 *       and its extension second, or that it is in none (the file is then skipped with one warning);
 *       {@code Ingester} hands it to that format's parser: {@code MarkdownParser}, {@code OutlineParser} for a
 *       plain-text outline, {@code BookmarksParser} (jsoup), {@code CsvListParser} (Commons CSV),
 *       {@code OpmlParser} (StAX, DTDs refused) or {@code BibtexParser} (jbibtex). A parser that refuses a whole
 *       file throws {@code UnreadableListException}, reported as a skipped file.</li>
 *   <li>The parser hands what it finds to an {@code EntryCollector}, which cleans titles and descriptions, keeps only
 *       absolute http(s) URLs in their canonical form ({@link dev.shelf.ingest.Urls}) and records each problem as an
 *       {@link dev.shelf.ingest.IngestWarning} with its line. The result is a {@code ParsedList} of {@code Entry}s.</li>
 *   <li>{@code Ingester} merges the entries of all lists into resources, one per canonical URL (or per list, section
 *       and title for entries without one), each keeping every {@link dev.shelf.ingest.Mention}.</li>
 * </ol>
 *
 * <h2>The Markdown parser, piece by piece: blocks, then entries</h2>
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
 *       it is titled and described.</li>
 *   <li>{@code LinkOrProse} is the one place that decides whether running text is prose as well as links, and
 *       whether short text is a label; {@code ProseReader} and {@code ListReader} ask it.</li>
 *   <li>{@code ListReader} reads list items and decides which are concepts ({@code **Term**: definition}) and which
 *       name a sub-section for the items nested under them.</li>
 *   <li>{@code TableReader} reads table rows and decides each row's title, description, metadata, and whether it is a
 *       link or a concept; {@code TableHeader} decides which column describes the rows.</li>
 *   <li>{@code InlineText} gives the plain text of inline content and the links in it; {@code TextCleaner} cleans
 *       titles and decides which link texts are placeholders and how much a text weighs, in words.</li>
 * </ul>
 *
 * <h2>The other formats, one class each</h2>
 * <ul>
 *   <li>{@code BookmarksParser}: nested {@code <DL>} folders named by their {@code <H3>} are the section path, a
 *       {@code <DD>} describes the bookmark before it, {@code TAGS} and {@code ADD_DATE} (or Pocket's
 *       {@code tags} and {@code time_added}) go to metadata; lines come from jsoup's tracked source positions.</li>
 *   <li>{@code CsvListParser}: decides which columns are the title, URL, description, section, tags and date by
 *       their header names (Pocket, Raindrop, any sheet with a title and a URL column), and whether a first line is
 *       such a header (the detector asks it).</li>
 *   <li>{@code OpmlParser}: nested {@code <outline>} folders; an outline with an address is an entry, its site
 *       before its feed.</li>
 *   <li>{@code BibtexParser}: one entry per BibTeX entry; decides its URL (url, doi, arXiv eprint) and turns LaTeX
 *       into plain Unicode; an entry without a link is a concept, still searchable.</li>
 * </ul>
 */
package dev.shelf.ingest;
