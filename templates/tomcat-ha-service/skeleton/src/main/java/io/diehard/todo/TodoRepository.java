package io.diehard.todo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The todo list in MariaDB. Every statement is a single auto-committed row change, so a
 * Galera failover (the driver reconnects to the next host of the URL) loses nothing
 * that was acknowledged. Pooled connections to a node that died fail once: idempotent
 * operations (reads, updates, deletes) are then retried once on a fresh connection;
 * inserts are replayed by the driver (transactionReplay in DB_URL) or reported.
 */
public final class TodoRepository {
  private static final Logger LOG = Logger.getLogger(TodoRepository.class.getName());
  /** MariaDbPoolDataSource's default maxPoolSize: how many stale connections a pool can hold. */
  static final int POOL_SIZE = 8;

  private final DataSource dataSource;

  public TodoRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @FunctionalInterface
  interface Operation<T> {
    T run(Connection c) throws SQLException;
  }

  /** True for a lost or refused connection (SQLState class 08), not for an SQL error. */
  static boolean isConnectionFailure(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLNonTransientConnectionException
          || t instanceof SQLTransientConnectionException) return true;
      if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A connection that answered a ping: a pooled connection to a node that died is
   * dropped (the pool forgets a connection that failed its ping) before a
   * non-idempotent statement is sent on it. After a node loss every pooled connection
   * may be stale, so as many are tried as the pool holds, and one more.
   */
  private Connection validConnection(int timeoutSeconds) throws SQLException {
    SQLException last = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    for (int attempt = 0; attempt <= POOL_SIZE && System.nanoTime() < deadline; attempt++) {
      Connection c = dataSource.getConnection();
      try {
        if (c.isValid(timeoutSeconds)) return c;
      } catch (SQLException e) {
        last = e;
      }
      try {
        c.close();
      } catch (SQLException ignored) {
        // already broken
      }
    }
    throw last != null ? last : new SQLNonTransientConnectionException("no valid database connection", "08001");
  }

  private <T> T idempotent(Operation<T> op) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return op.run(c);
    } catch (SQLException first) {
      if (!isConnectionFailure(first)) throw first;
      try (Connection c = dataSource.getConnection()) {
        return op.run(c);
      } catch (SQLException second) {
        second.addSuppressed(first);
        throw second;
      }
    }
  }

  /** Creates the table when it does not exist yet (Galera replicates DDL to every node). */
  public void migrate() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS todo ("
              + " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " title VARCHAR(200) NOT NULL,"
              + " done BOOLEAN NOT NULL DEFAULT FALSE,"
              + " attachment VARCHAR(64),"
              + " created_at TIMESTAMP NOT NULL)");
    }
  }

  public Todo add(String title, String attachment) throws SQLException {
    Instant now = Instant.now();
    new Todo(0, title, false, attachment, now); // validates
    try (Connection c = validConnection(2);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO todo (title, done, attachment, created_at) VALUES (?, FALSE, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, title.trim());
      ps.setString(2, attachment);
      ps.setTimestamp(3, Timestamp.from(now));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return new Todo(keys.getLong(1), title.trim(), false, attachment, now);
      }
    }
  }

  public List<Todo> list() throws SQLException {
    return idempotent(c -> {
      List<Todo> out = new ArrayList<>();
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, title, done, attachment, created_at FROM todo ORDER BY id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
      return out;
    });
  }

  public Optional<Todo> find(long id) throws SQLException {
    return idempotent(c -> {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id, title, done, attachment, created_at FROM todo WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
      }
    });
  }

  /** Marks a todo done (or not); false when there is no such todo. */
  public boolean setDone(long id, boolean done) throws SQLException {
    // Setting a value is idempotent; "found" is decided by a read, not by rows changed
    // (a replayed update changes no row).
    return idempotent(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE todo SET done = ? WHERE id = ?")) {
        ps.setBoolean(1, done);
        ps.setLong(2, id);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM todo WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  public boolean delete(long id) throws SQLException {
    return idempotent(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM todo WHERE id = ?")) {
        ps.setLong(1, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  /**
   * Readiness: true when a connection answers within the timeout. A pooled connection
   * to a node that died does not make the pod unready: the next one is tried.
   */
  public boolean isReachable(int timeoutSeconds) {
    try (Connection c = validConnection(timeoutSeconds)) {
      return true;
    } catch (SQLException e) {
      LOG.warning("readiness: no database connection: " + e + " (SQLState " + e.getSQLState() + ")");
      return false;
    }
  }

  private static Todo read(ResultSet rs) throws SQLException {
    return new Todo(
        rs.getLong("id"),
        rs.getString("title"),
        rs.getBoolean("done"),
        rs.getString("attachment"),
        rs.getTimestamp("created_at").toInstant());
  }
}
