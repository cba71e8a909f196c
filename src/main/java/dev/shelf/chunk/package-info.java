/** Cuts resources into token-budgeted passages ({@link dev.shelf.chunk.Chunk}s), each led by a context header. */
package dev.shelf.chunk;
