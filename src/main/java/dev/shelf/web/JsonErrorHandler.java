package dev.shelf.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors, raised before a request reaches Javalin (a URI or headers too long, a request line that does
 * not parse), answered in the API's JSON error shape instead of an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put("X-Content-Type-Options", "nosniff");
        return ByteBuffer.wrap(body(status));
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    private byte[] body(int status) {
        ApiError error = switch (status) {
            case 414 -> new ApiError("too_large", "The request's URL is too long; a question has at most "
                    + WebApp.MAX_QUERY_CHARS + " characters.");
            case 431 -> new ApiError("too_large", "The request's headers are too large.");
            case 413 -> new ApiError("too_large", "The request is larger than " + WebApp.MAX_REQUEST_BYTES + " bytes.");
            case 400 -> new ApiError("bad_request", "The request could not be read as HTTP.");
            default -> new ApiError(status >= 500 ? "internal_error" : "bad_request", "HTTP error " + status + ".");
        };
        try {
            return json.writeValueAsBytes(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ApiError always serializes", e);
        }
    }
}
