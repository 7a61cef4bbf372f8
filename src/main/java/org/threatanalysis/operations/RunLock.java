package org.threatanalysis.operations;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The application's own guard that only one process runs the job on a database at a time: an
 * exclusive OS file lock on {@code <database>/consolidation.run.lock}, taken before the Spring
 * context (and HSQLDB) starts, so that a second launch is refused at once instead of after
 * HSQLDB's lock wait. The file records who holds it (pid, command, start time) for the refusal
 * message. The OS releases the lock when the process ends, even on kill -9, so a crash never
 * leaves a stale lock; the file itself stays and is simply locked again by the next run.
 *
 * <p>Thread safety: one instance per acquisition; {@link #close()} releases it.
 */
public final class RunLock implements AutoCloseable {

    public static final String FILE_NAME = "consolidation.run.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock for the database folder, without waiting.
     *
     * @return the lock, or empty when another process (or this one) holds it
     * @throws IOException when the lock file cannot be created or written
     */
    public static Optional<RunLock> tryAcquire(Path database, String command) throws IOException {
        Files.createDirectories(database);
        Path file = database.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        String holder = "pid " + ProcessHandle.current().pid() + ", '" + command + "', started "
                + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS) + System.lineSeparator();
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
        return Optional.of(new RunLock(channel, lock));
    }

    /**
     * Who holds the lock, as recorded in the lock file ("pid 1234, 'run', started ..."), or a
     * placeholder. The holder writes the file just after taking the lock; a launch that lost the
     * race by milliseconds waits up to half a second for it.
     */
    public static String holder(Path database) {
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                String text = Files.readString(database.resolve(FILE_NAME), StandardCharsets.UTF_8).strip();
                if (!text.isEmpty()) {
                    return text;
                }
                Thread.sleep(50);
            } catch (IOException e) {
                return "another process";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "another process";
    }

    /** The refusal a second launch prints. */
    public static String refusal(Path database) {
        return "Another consolidation run is already using the database " + database + " (" + holder(database)
                + "); nothing was started. Wait for it to finish (see 'status' afterwards) and try again.";
    }

    @Override
    public void close() {
        try {
            // Empty while nobody holds it, so a refusal never names a holder that has gone.
            channel.truncate(0);
        } catch (IOException ignored) {
            // the next holder overwrites it anyway
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel close below releases it too
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
