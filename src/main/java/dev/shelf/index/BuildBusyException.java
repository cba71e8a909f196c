package dev.shelf.index;

import java.io.IOException;

/** Another build holds the store's build lock: nothing was written, and the one to do is wait for it to finish. */
public final class BuildBusyException extends IOException {

    public BuildBusyException(String message) {
        super(message);
    }
}
