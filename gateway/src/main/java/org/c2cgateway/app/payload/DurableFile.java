package org.c2cgateway.app.payload;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that after a crash it is either whole or absent, never a part: written under a temporary name
 * in the same directory, forced to disk, renamed in one step, and the directory's new entry forced too. A payload
 * copy or an archive of deleted trace records that existed only in the page cache would be lost with the machine.
 */
public final class DurableFile {

    /** What writes the file's content; the stream is closed by {@link #write}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private DurableFile() {
    }

    /** Writes {@code target} (replacing it), forced to disk when {@code sync}; creates its directory if need be. */
    public static void write(Path target, boolean sync, Content content) throws IOException {
        Path directory = target.getParent();
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            if (sync) {
                force(directory.getParent());
            }
        }
        Path temporary = directory.resolve(".tmp-" + Thread.currentThread().getId() + "-" + target.getFileName());
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(channel);
            content.writeTo(out);
            out.flush();
            if (sync) {
                channel.force(false);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (sync) {
            force(directory);
        }
    }

    /** Whether a file name is one of {@link #write}'s temporaries, left behind by a crash in the middle. */
    public static boolean isTemporary(Path file) {
        return file.getFileName().toString().startsWith(".tmp-");
    }

    private static void force(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
