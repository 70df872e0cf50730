package io.diehard.todo;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * GET /session: counts the user's requests in their HTTP session and says which pod
 * served each. Kill the pod that served the last one: the count goes on from another pod.
 */
@WebServlet("/session")
public final class SessionServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    HttpSession session = req.getSession(true);
    SessionVisits visits = (SessionVisits) session.getAttribute(SessionVisits.ATTRIBUTE);
    if (visits == null) visits = new SessionVisits();
    visits.record(App.podName());
    // Set it again: the cluster manager replicates attributes on setAttribute.
    session.setAttribute(SessionVisits.ATTRIBUTE, visits);
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    String pods = visits.pods().stream().map(Html::json).collect(Collectors.joining(","));
    resp.getWriter()
        .write(
            "{\"pod\":" + Html.json(App.podName())
                + ",\"visits\":" + visits.count()
                + ",\"firstPod\":" + Html.json(visits.firstPod())
                + ",\"pods\":[" + pods + "]}");
  }
}
