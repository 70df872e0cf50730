package io.diehard.todo;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * /health/live: the JVM and Tomcat answer (liveness: never depends on the database, or a
 * Galera outage would restart every pod). /health/ready: the database answers too
 * (readiness: a pod that cannot reach Galera leaves the Service until it can).
 */
@WebServlet(urlPatterns = {"/health/live", "/health/ready"})
public final class HealthServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setContentType("application/json");
    resp.setHeader("Cache-Control", "no-store");
    if ("/health/live".equals(req.getServletPath())) {
      resp.getWriter().write("{\"status\":\"UP\",\"pod\":" + Html.json(App.podName()) + "}");
      return;
    }
    Readiness r = Readiness.check(App.repository(getServletContext()), App.attachments(getServletContext()));
    resp.setStatus(r.ready() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    resp.getWriter().write(r.toJson());
  }
}
