package dev.shelf.index;

/**
 * Told how far the embedding of a build has come, one model after another: the command line draws a progress bar with
 * it, a server shows each model's figures in its lists' states.
 */
public interface BuildProgress {

    /** Reports nothing. */
    BuildProgress NONE = new BuildProgress() {
        @Override
        public void start(String model, long chunksToEmbed) {
        }

        @Override
        public void advance(long chunks) {
        }
    };

    /**
     * Before any model starts: a model will embed this many passages, so that the time left can count the models still
     * to come. By default ignored.
     */
    default void plan(String model, long chunksToEmbed) {
    }

    /** A model starts embedding this many passages (zero when its cache has them all). */
    void start(String model, long chunksToEmbed);

    /** The model that started last embedded this many more. */
    void advance(long chunks);
}
