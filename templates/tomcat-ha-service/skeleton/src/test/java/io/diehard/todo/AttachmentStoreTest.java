package io.diehard.todo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentStoreTest {
  @TempDir Path shared;

  @Test
  void aFileStoredByOnePodIsReadByAnother() throws IOException {
    AttachmentStore podA = new AttachmentStore(shared.resolve("attachments"), 1024);
    AttachmentStore podB = new AttachmentStore(shared.resolve("attachments"), 1024);
    String id = podA.save(new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)));
    Optional<Path> file = podB.open(id);
    assertTrue(file.isPresent());
    assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file.get()));
    assertTrue(podB.isWritable());
  }

  @Test
  void refusesPathsThatAreNotGeneratedIds() {
    AttachmentStore store = new AttachmentStore(shared, 1024);
    assertEquals(Optional.empty(), store.open("../../etc/passwd"));
    assertEquals(Optional.empty(), store.open(null));
  }

  @Test
  void refusesOversizedFilesAndLeavesNothingBehind() throws IOException {
    AttachmentStore store = new AttachmentStore(shared, 4);
    assertThrows(IOException.class, () -> store.save(new ByteArrayInputStream(new byte[5])));
    try (var files = Files.list(shared)) {
      assertEquals(0, files.count());
    }
  }
}
