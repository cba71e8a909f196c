/**
 * The JSON API and the static UI on Javalin: {@link dev.shelf.web.WebApp#create} builds the app around a search
 * service; it validates parameters, maps every failure to a JSON error, and holds no search logic.
 */
package dev.shelf.web;
