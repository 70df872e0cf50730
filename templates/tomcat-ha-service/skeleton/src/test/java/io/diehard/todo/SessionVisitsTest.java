package io.diehard.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionVisitsTest {
  /** What Tomcat's DeltaManager/BackupManager do to replicate the attribute to another pod. */
  private static SessionVisits replicate(SessionVisits v) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(v);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (SessionVisits) in.readObject();
    }
  }

  @Test
  void survivesReplicationToAnotherPod() throws Exception {
    SessionVisits v = new SessionVisits().record("app-7d9-a").record("app-7d9-a");
    SessionVisits copy = replicate(v).record("app-7d9-b");
    assertEquals(3, copy.count());
    assertEquals("app-7d9-a", copy.firstPod());
    assertEquals("app-7d9-b", copy.lastPod());
    assertEquals(List.of("app-7d9-a", "app-7d9-a", "app-7d9-b"), copy.pods());
  }

  @Test
  void keepsABoundedHistory() {
    SessionVisits v = new SessionVisits();
    for (int i = 0; i < 50; i++) v.record("pod-" + i);
    assertEquals(50, v.count());
    assertEquals(20, v.pods().size());
    assertEquals("pod-49", v.lastPod());
  }
}
