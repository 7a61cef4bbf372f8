package org.threatanalysis.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.util.unit.DataSize;

/**
 * Checks free space before the job writes: a full volume made HSQLDB lose rows while the job
 * reported success, so the job refuses to write with less than the configured minimum free
 * ({@code consolidation.min-free-disk}) and fails the step, which can then be restarted.
 */
final class DiskSpace {

    private DiskSpace() {
    }

    static void require(Path folder, DataSize minimum, String purpose) throws IOException {
        Path existing = folder.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        long usable = Files.getFileStore(existing).getUsableSpace();
        if (usable < minimum.toBytes()) {
            throw new IOException("Only " + DataSize.ofBytes(usable).toMegabytes() + " MB are free on the volume of "
                    + folder.toAbsolutePath().normalize() + " (" + purpose + "); at least " + minimum.toMegabytes()
                    + " MB are required (consolidation.min-free-disk). Free some space, then run 'restart'.");
        }
    }
}
