package io.diehard.todo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Attachments on the shared ReadWriteMany volume (NFS-HA): a file written through one pod
 * is read through any other. Names are generated, never taken from the user.
 */
public final class AttachmentStore {
  private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private final Path root;
  private final long maxBytes;

  public AttachmentStore(Path root, long maxBytes) {
    this.root = root;
    this.maxBytes = maxBytes;
  }

  /** Stores the content atomically (temp file + rename on the same volume) and returns its id. */
  public String save(InputStream content) throws IOException {
    Files.createDirectories(root);
    String id = UUID.randomUUID().toString();
    Path tmp = Files.createTempFile(root, ".upload-", ".tmp");
    try {
      long n;
      try (InputStream in = content) {
        n = Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      if (n > maxBytes) {
        throw new IOException("attachment is larger than " + maxBytes + " bytes");
      }
      Files.move(tmp, root.resolve(id), StandardCopyOption.ATOMIC_MOVE);
      return id;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The stored file for an id, or empty for an unknown or malformed id. */
  public Optional<Path> open(String id) {
    if (id == null || !ID.matcher(id).matches()) return Optional.empty();
    Path p = root.resolve(id);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /** True when the volume is mounted and writable (shown on the readiness page). */
  public boolean isWritable() {
    return Files.isDirectory(root) && Files.isWritable(root);
  }
}
