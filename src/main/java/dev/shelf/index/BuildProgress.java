package dev.shelf.index;

/** Told how far the embedding of a build has come; the command line draws a progress bar with it. */
public interface BuildProgress {

    /** Reports nothing. */
    BuildProgress NONE = new BuildProgress() {
        @Override
        public void start(long chunksToEmbed) {
        }

        @Override
        public void advance(long chunks) {
        }
    };

    void start(long chunksToEmbed);

    void advance(long chunks);
}
