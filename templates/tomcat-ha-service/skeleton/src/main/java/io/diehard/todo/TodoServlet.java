package io.diehard.todo;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;

/**
 * The todo list: GET / shows it (with an upload form), POST / adds a todo (optional
 * attachment), POST /?action=toggle|delete&amp;id=N changes one. Redirect after POST.
 */
@WebServlet("")
@MultipartConfig(maxFileSize = 10L * 1024 * 1024, maxRequestSize = 11L * 1024 * 1024)
public final class TodoServlet extends HttpServlet {
  private static final Logger LOG = Logger.getLogger(TodoServlet.class.getName());

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    List<Todo> todos;
    try {
      todos = App.repository(getServletContext()).list();
    } catch (SQLException e) {
      LOG.warning("listing todos: " + e + " (SQLState " + e.getSQLState() + ")");
      resp.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "database unavailable");
      return;
    }
    resp.setContentType("text/html");
    resp.setCharacterEncoding("UTF-8");
    PrintWriter w = resp.getWriter();
    w.println("<!doctype html><html><head><meta charset=\"utf-8\"><title>Todo</title></head><body>");
    w.println("<h1>Todo</h1><p>Served by pod <b>" + Html.escape(App.podName()) + "</b>. <a href=\"session\">Your session</a></p>");
    w.println("<form method=\"post\" enctype=\"multipart/form-data\">"
        + "<input name=\"title\" required maxlength=\"200\"> <input type=\"file\" name=\"attachment\">"
        + " <button>Add</button></form><ul>");
    for (Todo t : todos) {
      w.print("<li>" + (t.done() ? "<s>" + Html.escape(t.title()) + "</s>" : Html.escape(t.title())));
      if (t.attachment() != null) {
        w.print(" <a href=\"attachments/" + Html.escape(t.attachment()) + "\">attachment</a>");
      }
      w.print(" <form method=\"post\" style=\"display:inline\"><input type=\"hidden\" name=\"id\" value=\"" + t.id() + "\">"
          + "<button name=\"action\" value=\"toggle\">" + (t.done() ? "undo" : "done") + "</button>"
          + "<button name=\"action\" value=\"delete\">delete</button></form></li>");
    }
    w.println("</ul></body></html>");
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp)
      throws IOException, ServletException {
    TodoRepository repo = App.repository(getServletContext());
    String action = req.getParameter("action");
    try {
      if (action == null || action.isEmpty()) {
        String title = req.getParameter("title");
        if (title == null || title.isBlank() || title.length() > 200) {
          resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "title is required (200 characters at most)");
          return;
        }
        String attachment = null;
        Part part = req.getContentType() != null && req.getContentType().startsWith("multipart/")
            ? req.getPart("attachment") : null;
        if (part != null && part.getSize() > 0) {
          attachment = App.attachments(getServletContext()).save(part.getInputStream());
        }
        repo.add(title, attachment);
      } else {
        long id;
        try {
          id = Long.parseLong(req.getParameter("id"));
        } catch (NumberFormatException e) {
          resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "id must be a number");
          return;
        }
        boolean found = switch (action) {
          case "toggle" -> repo.find(id).map(t -> setDone(repo, id, !t.done())).orElse(false);
          case "delete" -> repo.delete(id);
          default -> {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "unknown action");
            yield true;
          }
        };
        if (resp.isCommitted()) return;
        if (!found) {
          resp.sendError(HttpServletResponse.SC_NOT_FOUND, "no such todo");
          return;
        }
      }
    } catch (SQLException e) {
      LOG.warning("changing todos: " + e + " (SQLState " + e.getSQLState() + ")");
      resp.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "database unavailable");
      return;
    }
    resp.sendRedirect(req.getContextPath() + "/");
  }

  private static boolean setDone(TodoRepository repo, long id, boolean done) {
    try {
      return repo.setDone(id, done);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
