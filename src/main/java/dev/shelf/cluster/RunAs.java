package dev.shelf.cluster;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.List;
import java.util.Optional;

/**
 * The user the nodes run as. OpenSearch refuses to start as root, so when Shelf runs as root (CI, a container) each
 * node is started through {@code setpriv} as {@value #USER}, and the folders a node writes are handed to that user; as
 * anyone else the nodes run as Shelf does. {@code setpriv} executes the command in its own process, so the process
 * Shelf starts ends as the node's JVM ({@code runuser} and {@code su} would stay in between as its parent).
 */
record RunAs(Optional<Account> account) {

    /** The unprivileged user every Unix system has. */
    static final String USER = "nobody";
    /** Its group: Debian's name for it, then the name other systems use. */
    private static final List<String> GROUPS = List.of("nogroup", "nobody");

    /** A user and group to switch to. */
    record Account(String user, String group) {
    }

    /** Nodes run as the user running Shelf. */
    static RunAs currentUser() {
        return new RunAs(Optional.empty());
    }

    /** Nobody, when this process is root; else the current user. */
    static RunAs forThisProcess() throws IOException {
        if (new UnixSystem().getUid() != 0) {
            return currentUser();
        }
        UserPrincipalLookupService users = FileSystems.getDefault().getUserPrincipalLookupService();
        users.lookupPrincipalByName(USER);
        for (String group : GROUPS) {
            try {
                users.lookupPrincipalByGroupName(group);
                return new RunAs(Optional.of(new Account(USER, group)));
            } catch (UserPrincipalNotFoundException absent) {
                // try the next name
            }
        }
        throw new IOException("running as root, the OpenSearch nodes must run as " + USER + ", whose group is none of "
                + GROUPS + ": run Shelf as another user");
    }

    /** The command as this user runs it. */
    List<String> prefix() {
        return account.map(to -> List.of("setpriv", "--reuid=" + to.user(), "--regid=" + to.group(), "--init-groups"))
                .orElse(List.of());
    }

    /**
     * Fails, naming the folder, when the user the nodes run as cannot pass through {@code folder} or one of the
     * folders above it: a folder only its owner may enter (a temporary folder, a private home) would stop every node.
     */
    void requireReachable(Path folder) throws IOException {
        if (account.isEmpty()) {
            return;
        }
        for (Path step = folder.toAbsolutePath(); step != null; step = step.getParent()) {
            if (Files.exists(step)
                    && !Files.getPosixFilePermissions(step).contains(PosixFilePermission.OTHERS_EXECUTE)
                    && !Files.getOwner(step).getName().equals(account.get().user())) {
                throw new IOException("the OpenSearch nodes run as " + account.get().user() + ", who cannot enter "
                        + step + ": give it other users' execute permission (chmod o+x), or choose a folder elsewhere");
            }
        }
    }

    /** Hands {@code tree} (not following links) to the user the nodes run as; nothing when that is the current one. */
    void own(Path tree) throws IOException {
        if (account.isEmpty()) {
            return;
        }
        UserPrincipalLookupService users = tree.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = users.lookupPrincipalByName(account.get().user());
        GroupPrincipal group = users.lookupPrincipalByGroupName(account.get().group());
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                give(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                give(file);
                return FileVisitResult.CONTINUE;
            }

            private void give(Path path) throws IOException {
                PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS);
                view.setOwner(user);
                view.setGroup(group);
            }
        });
    }
}
