package io.diehard.todo;

import java.time.Instant;

/** One item of the todo list. */
public record Todo(long id, String title, boolean done, String attachment, Instant createdAt) {
  public Todo {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title is required");
    }
    if (title.length() > 200) {
      throw new IllegalArgumentException("title is longer than 200 characters");
    }
  }
}
