package io.diehard.todo;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** GET /attachments/{id}: a file from the shared volume, whichever pod stored it. */
@WebServlet("/attachments/*")
public final class AttachmentServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String info = req.getPathInfo();
    String id = info == null ? null : info.substring(1);
    Optional<Path> file = App.attachments(getServletContext()).open(id);
    if (file.isEmpty()) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    resp.setContentType("application/octet-stream");
    resp.setHeader("Content-Disposition", "attachment; filename=\"" + id + "\"");
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setContentLengthLong(Files.size(file.get()));
    Files.copy(file.get(), resp.getOutputStream());
  }
}
