package io.diehard.todo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {
  private static final String URL =
      "jdbc:mariadb:sequential://galera-0.galera:3306,galera-1.galera:3306,galera-2.galera:3306/todo";

  @Test
  void readsTheGaleraFailoverUrlAndTheSecretCredentials() {
    DatabaseSettings s =
        DatabaseSettings.fromEnvironment(Map.of("DB_URL", URL, "DB_USER", "todo", "DB_PASSWORD", "s3cret"));
    assertEquals(URL, s.url());
    assertEquals("todo", s.user());
    assertTrue(s.isMultiHost());
    assertArrayEquals(
        new String[] {"galera-0.galera:3306", "galera-1.galera:3306", "galera-2.galera:3306"}, s.hosts());
  }

  @Test
  void neverPrintsThePassword() {
    DatabaseSettings s =
        DatabaseSettings.fromEnvironment(Map.of("DB_URL", URL, "DB_USER", "todo", "DB_PASSWORD", "s3cret"));
    assertFalse(s.toString().contains("s3cret"));
    assertEquals(
        "jdbc:mariadb://***@db:3306/x?password=***",
        DatabaseSettings.redact("jdbc:mariadb://u:p@db:3306/x?password=p"));
  }

  @Test
  void aSingleHostIsNotMultiHost() {
    DatabaseSettings s = DatabaseSettings.fromEnvironment(
        Map.of("DB_URL", "jdbc:mariadb://db:3306/todo", "DB_USER", "u", "DB_PASSWORD", "p"));
    assertFalse(s.isMultiHost());
  }

  @Test
  void namesTheMissingVariable() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DatabaseSettings.fromEnvironment(Map.of("DB_URL", URL, "DB_USER", "todo")));
    assertTrue(e.getMessage().startsWith("DB_PASSWORD"), e.getMessage());
    assertThrows(IllegalStateException.class,
        () -> DatabaseSettings.fromEnvironment(Map.of("DB_URL", "postgres://x", "DB_USER", "u", "DB_PASSWORD", "p")));
  }
}
