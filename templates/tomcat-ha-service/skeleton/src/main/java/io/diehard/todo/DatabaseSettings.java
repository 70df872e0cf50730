package io.diehard.todo;

import java.util.Map;
import java.util.Objects;

/**
 * Where the todo list lives: a MariaDB Galera cluster reached through a multi-host
 * failover URL (DB_URL), with the credentials from a Kubernetes Secret (DB_USER,
 * DB_PASSWORD). Never prints the password.
 */
public final class DatabaseSettings {
  private final String url;
  private final String user;
  private final String password;

  private DatabaseSettings(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** Reads DB_URL, DB_USER and DB_PASSWORD; fails with a message naming what is missing. */
  public static DatabaseSettings fromEnvironment(Map<String, String> env) {
    String url = require(env, "DB_URL");
    if (!url.startsWith("jdbc:mariadb:") && !url.startsWith("jdbc:mysql:")) {
      throw new IllegalStateException("DB_URL must be a jdbc:mariadb: URL, got " + redact(url));
    }
    return new DatabaseSettings(url, require(env, "DB_USER"), require(env, "DB_PASSWORD"));
  }

  private static String require(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException(name + " is not set (see the Deployment and its Secret)");
    }
    return v.trim();
  }

  /** The hosts of the URL, e.g. [galera-0.galera:3306, galera-1.galera:3306, …]. */
  public String[] hosts() {
    String rest = url.replaceFirst("^jdbc:(mariadb|mysql):(\\w+:)?//", "");
    int slash = rest.indexOf('/');
    String hostPart = slash < 0 ? rest : rest.substring(0, slash);
    int at = hostPart.lastIndexOf('@');
    if (at >= 0) hostPart = hostPart.substring(at + 1);
    return hostPart.split(",");
  }

  /** True when the URL lists more than one database node to fail over to. */
  public boolean isMultiHost() {
    return hosts().length > 1;
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** The URL without any user:password@ or password= part. */
  public static String redact(String url) {
    return Objects.requireNonNullElse(url, "")
        .replaceAll("//[^/@,]*@", "//***@")
        .replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  @Override
  public String toString() {
    return "DatabaseSettings{url=" + redact(url) + ", user=" + user + ", password=***}";
  }
}
