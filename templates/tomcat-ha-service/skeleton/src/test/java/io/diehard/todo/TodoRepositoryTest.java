package io.diehard.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TodoRepositoryTest {
  private TodoRepository repo;
  private JdbcDataSource ds;

  @BeforeEach
  void setUp() throws SQLException {
    ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MariaDB;DB_CLOSE_DELAY=-1");
    repo = new TodoRepository(ds);
    repo.migrate();
    repo.migrate(); // idempotent: every pod runs it at startup
  }

  @Test
  void addsListsTogglesAndDeletes() throws SQLException {
    Todo a = repo.add("buy milk", null);
    Todo b = repo.add("  write report ", "0b7e3f1e-2f57-4f5b-9d2a-8d1a7f6c1c11");
    assertEquals(List.of("buy milk", "write report"), repo.list().stream().map(Todo::title).toList());
    assertTrue(repo.setDone(a.id(), true));
    assertTrue(repo.find(a.id()).orElseThrow().done());
    assertEquals("0b7e3f1e-2f57-4f5b-9d2a-8d1a7f6c1c11", repo.find(b.id()).orElseThrow().attachment());
    assertTrue(repo.delete(a.id()));
    assertFalse(repo.delete(a.id()));
    assertFalse(repo.setDone(a.id(), false));
    assertEquals(1, repo.list().size());
  }

  @Test
  void refusesAnEmptyTitle() {
    assertThrows(IllegalArgumentException.class, () -> repo.add(" ", null));
  }

  @Test
  void readinessFollowsTheDatabase() {
    assertTrue(Readiness.check(repo, null).ready());
    JdbcDataSource nowhere = new JdbcDataSource();
    nowhere.setURL("jdbc:h2:mem:x;IFEXISTS=TRUE");
    assertFalse(Readiness.check(new TodoRepository(nowhere), null).ready());
    assertFalse(Readiness.check(null, null).ready());
  }

  /** A pool whose first connection went to a database node that died since. */
  private static DataSource firstConnectionDead(DataSource real, AtomicInteger borrowed) {
    return deadConnections(real, borrowed, 1);
  }

  /** A pool whose first `dead` connections went to a database node that died since. */
  private static DataSource deadConnections(DataSource real, AtomicInteger borrowed, int dead) {
    return new DataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        if (borrowed.getAndIncrement() >= dead) return real.getConnection();
        return (Connection) Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) return null;
              if (method.getName().equals("isValid")) return false;
              throw new SQLNonTransientConnectionException("Connection reset", "08S01");
            });
      }

      @Override
      public Connection getConnection(String u, String p) throws SQLException {
        return getConnection();
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() {
        return Logger.getGlobal();
      }

      @Override
      public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }

  @Test
  void readsRetryOnceWhenAPooledConnectionLostItsNode() throws SQLException {
    repo.add("survives a failover", null);
    AtomicInteger borrowed = new AtomicInteger();
    TodoRepository afterFailover = new TodoRepository(firstConnectionDead(ds, borrowed));
    assertEquals(List.of("survives a failover"), afterFailover.list().stream().map(Todo::title).toList());
    assertEquals(2, borrowed.get());
  }

  @Test
  void stalePooledConnectionsDoNotMakeThePodUnready() {
    AtomicInteger borrowed = new AtomicInteger();
    TodoRepository afterFailover =
        new TodoRepository(deadConnections(ds, borrowed, TodoRepository.POOL_SIZE));
    assertTrue(Readiness.check(afterFailover, null).ready());
    assertEquals(TodoRepository.POOL_SIZE + 1, borrowed.get());
  }

  @Test
  void addingAfterANodeLossUsesAFreshConnection() throws SQLException {
    AtomicInteger borrowed = new AtomicInteger();
    TodoRepository afterFailover =
        new TodoRepository(deadConnections(ds, borrowed, TodoRepository.POOL_SIZE));
    afterFailover.add("written after the failover", null);
    assertEquals(List.of("written after the failover"), repo.list().stream().map(Todo::title).toList());
  }

  @Test
  void sqlErrorsAreNotRetried() throws SQLException {
    AtomicInteger borrowed = new AtomicInteger(1);
    JdbcDataSource empty = new JdbcDataSource();
    empty.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MariaDB");
    TodoRepository noTable = new TodoRepository(firstConnectionDead(empty, borrowed));
    assertThrows(SQLException.class, noTable::list);
    assertEquals(2, borrowed.get());
  }
}
