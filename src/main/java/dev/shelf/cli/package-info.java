/** The {@code shelf} command line: one entry point, {@link dev.shelf.cli.Main}, with a subcommand per task. */
package dev.shelf.cli;
