/**
 * The JSON API and the static UI on Javalin: {@link dev.shelf.web.WebApp#create} builds the app around a search
 * service; it validates parameters ({@link dev.shelf.web.QueryParameters}), bounds concurrent searches
 * ({@link dev.shelf.web.SearchLimiter}), maps every failure (Jetty's own included) to a JSON error, and holds no search
 * logic. {@link dev.shelf.web.SourceRoutes} lists, adds and removes reading lists through a
 * {@code dev.shelf.library.Library}; its writes answer only Shelf's own page ({@code WriteGuard}: the
 * {@code X-Requested-With: shelf} header and, when given, the server's own origin).
 * {@link dev.shelf.web.McpMount} mounts the MCP servlet at {@code /mcp} behind the same rule for origins.
 * {@code MapRoutes} serves the build's topic map ({@code GET /api/map}) with an ETag; {@code OpenApiRoute} serves the
 * API's OpenAPI 3.1 description ({@code GET /api/openapi.json}, the resource {@code openapi.json}).
 */
package dev.shelf.web;
