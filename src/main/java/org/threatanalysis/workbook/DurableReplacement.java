package org.threatanalysis.workbook;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.apache.commons.io.output.CloseShieldOutputStream;

/**
 * Puts a newly written file in place of the previous one so that, after a failure or a power
 * cut, the file at the target's path is the previous one or the new one, whole, never one cut
 * short: the content goes to a temporary file in the same folder, which is forced to disk, moved
 * over the target in one step, and the folder's entry is forced too.
 */
public final class DurableReplacement {

    private DurableReplacement() {
    }

    /** What is written: a workbook's {@code write(OutputStream)}, for one. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes the content to {@code temp} (created, or emptied), forces it to disk and moves it over
     * {@code target}. On failure the target is left as it was; removing {@code temp} is the caller's.
     */
    public static void write(Path temp, Path target, Content content) throws IOException {
        try (FileChannel file = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(file), 1 << 16)) {
            // A writer may close the stream at its zip's end; the file must stay open to be forced.
            content.writeTo(CloseShieldOutputStream.wrap(out));
            out.flush();
            file.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel folder = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            // Not every platform opens a folder as a file; the move is then as durable as it makes it.
        }
    }
}
