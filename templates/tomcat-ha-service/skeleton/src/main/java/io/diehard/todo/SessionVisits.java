package io.diehard.todo;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-user session value: which pods served this user, in order. Serializable, so
 * Tomcat's cluster manager can replicate it to the other pods: after a pod dies the
 * user keeps the same count and history on the next pod.
 */
public final class SessionVisits implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** Session attribute name. */
  public static final String ATTRIBUTE = "visits";

  private static final int KEEP = 20;
  private int count;
  private final ArrayList<String> pods = new ArrayList<>();

  /** Records a request served by pod; returns this for chaining. */
  public SessionVisits record(String pod) {
    count++;
    pods.add(pod);
    if (pods.size() > KEEP) pods.remove(0);
    return this;
  }

  public int count() {
    return count;
  }

  /** The last pods that served the session, oldest first. */
  public List<String> pods() {
    return List.copyOf(pods);
  }

  public String firstPod() {
    return pods.isEmpty() ? null : pods.get(0);
  }

  public String lastPod() {
    return pods.isEmpty() ? null : pods.get(pods.size() - 1);
  }
}
