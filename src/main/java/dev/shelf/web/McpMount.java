package dev.shelf.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The MCP endpoint mounted beside the API: the SDK's streamable HTTP servlet at its path, behind the write guard's
 * rule for origins (MCP's own advice for local servers, against DNS rebinding): a request that names an origin other
 * than the server's own is refused with 403 and the API's error shape before the servlet sees it. Clients that are
 * not browsers send no origin and pass.
 *
 * @param servlet the MCP servlet
 * @param path where it answers
 * @param host the {@code --host} the server was started with, for its own origins ({@link WriteGuard#ownOrigins})
 */
public record McpMount(HttpServlet servlet, String path, String host) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Adds the servlet and its origin filter to the server's servlet context. */
    void mount(ServletContextHandler context) {
        ServletHolder holder = new ServletHolder("mcp", servlet);
        holder.setAsyncSupported(true); // the SDK answers with a server-sent event stream
        context.addServlet(holder, path);
        FilterHolder guard = new FilterHolder((Filter) (request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            String origin = http.getHeader("Origin");
            if (WriteGuard.isForeign(origin, WriteGuard.ownOrigins(host, http.getLocalAddr(), http.getLocalPort()))) {
                HttpServletResponse refused = (HttpServletResponse) response;
                refused.setStatus(403);
                refused.setContentType("application/json");
                refused.getOutputStream().write(JSON.writeValueAsString(new ApiError("forbidden", "Only Shelf's own"
                        + " page may reach " + path + "; this request comes from " + origin + "."))
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            chain.doFilter(request, response);
        });
        guard.setAsyncSupported(true);
        context.addFilter(guard, path, EnumSet.of(DispatcherType.REQUEST));
    }
}
