package io.diehard.todo;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mariadb.jdbc.MariaDbPoolDataSource;

/**
 * Wires the application from the environment the Deployment sets: the Galera DSN and
 * its Secret, the shared attachments volume, the pod name.
 */
@WebListener
public final class App implements ServletContextListener {
  private static final Logger LOG = Logger.getLogger(App.class.getName());
  static final String REPOSITORY = App.class.getName() + ".repository";
  static final String ATTACHMENTS = App.class.getName() + ".attachments";

  private MariaDbPoolDataSource pool;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext ctx = event.getServletContext();
    Map<String, String> env = System.getenv();
    DatabaseSettings db = DatabaseSettings.fromEnvironment(env);
    if (!db.isMultiHost()) {
      LOG.warning("DB_URL names a single database host: the service depends on it " + db);
    }
    try {
      pool = new MariaDbPoolDataSource(db.url());
      pool.setUser(db.user());
      pool.setPassword(db.password());
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot configure the database pool for " + db, e);
    }
    TodoRepository repository = new TodoRepository(pool);
    try {
      repository.migrate();
    } catch (java.sql.SQLException e) {
      // Not fatal: readiness stays false until the database answers, and the next
      // request that needs the table retries the migration.
      LOG.log(Level.WARNING, "database not reachable at startup: " + e.getMessage());
    }
    ctx.setAttribute(REPOSITORY, repository);
    Path dir = Path.of(env.getOrDefault("ATTACHMENTS_DIR", "/var/lib/app/attachments"));
    ctx.setAttribute(ATTACHMENTS, new AttachmentStore(dir, 10L * 1024 * 1024));
    LOG.info("started on pod " + podName() + " with " + db + ", attachments in " + dir);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    if (pool != null) pool.close();
  }

  /** The pod's name (HOSTNAME in a Kubernetes container). */
  public static String podName() {
    String pod = System.getenv("POD_NAME");
    if (pod == null || pod.isBlank()) pod = System.getenv("HOSTNAME");
    return pod == null || pod.isBlank() ? "local" : pod;
  }

  static TodoRepository repository(ServletContext ctx) {
    return (TodoRepository) ctx.getAttribute(REPOSITORY);
  }

  static AttachmentStore attachments(ServletContext ctx) {
    return (AttachmentStore) ctx.getAttribute(ATTACHMENTS);
  }
}
