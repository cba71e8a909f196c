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
 *       {@code Ingester} hands it to that format's parser: {@link dev.shelf.ingest.markdown.MarkdownParser} (a
 *       package of its own: it has several pieces), {@code OutlineParser} for a plain-text outline,
 *       {@code BookmarksParser} (jsoup), {@code CsvListParser} (Commons CSV), {@code OpmlParser} (StAX, DTDs refused)
 *       or {@code BibtexParser} (jbibtex). A parser that refuses a whole file throws
 *       {@code UnreadableListException}, reported as a skipped file.</li>
 *   <li>The parser hands what it finds to an {@code EntryCollector}, which cleans titles and descriptions, keeps only
 *       absolute http(s) URLs in their canonical form ({@link dev.shelf.ingest.Urls}) and records each problem as an
 *       {@link dev.shelf.ingest.IngestWarning} with its line. The result is a {@code ParsedList} of {@code Entry}s.
 *       {@code TextCleaner} cleans titles, headings and prose for every parser and weighs a text, in words. The
 *       Markdown package uses no more of this one than these two, {@code ParsedList} and
 *       {@link dev.shelf.ingest.Kind}, and only {@code Ingester} calls it, so no chain of classes leads back to where
 *       it started.</li>
 *   <li>{@code Ingester} merges the entries of all lists into resources, one per canonical URL (or per list, section
 *       and title for entries without one), each keeping every {@link dev.shelf.ingest.Mention}.</li>
 * </ol>
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
