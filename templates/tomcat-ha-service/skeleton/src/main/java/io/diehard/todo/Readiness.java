package io.diehard.todo;

/** What readiness checks: the database answers (required) and the shared volume (reported). */
public record Readiness(boolean database, boolean attachments) {
  /** Ready when the database answers; a read-only volume only degrades uploads. */
  public boolean ready() {
    return database;
  }

  public static Readiness check(TodoRepository repository, AttachmentStore store) {
    boolean db = repository != null && repository.isReachable(2);
    boolean files = store != null && store.isWritable();
    return new Readiness(db, files);
  }

  public String toJson() {
    return "{\"status\":\"" + (ready() ? "UP" : "DOWN") + "\",\"database\":" + database
        + ",\"attachments\":" + attachments + ",\"pod\":" + Html.json(App.podName()) + "}";
  }
}
