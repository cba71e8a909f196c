/**
 * The {@code shelf} command line: one entry point, {@link dev.shelf.cli.Main}, with a subcommand per task. The options
 * several commands share are declared once as picocli mixins (the workspace's locations, {@code --k},
 * {@code --json}, the fusion choice), with defaults from the constants the code uses; {@code Workspace} is the one
 * place that wires the app together (which model, which index backend). Holds no search logic.
 */
package dev.shelf.cli;
