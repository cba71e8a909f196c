package dev.shelf.web;

/**
 * The body of every API error.
 *
 * @param error a stable code ("bad_parameter", "not_found", "index_building", ...)
 * @param message what went wrong and what to do, for people
 */
public record ApiError(String error, String message) {
}
