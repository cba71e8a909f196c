package dev.shelf.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.shelf.index.BuildInfo;
import dev.shelf.opensearch.ClusterException;
import dev.shelf.search.RelatedResponse;
import dev.shelf.search.SearchRequest;
import dev.shelf.search.SearchResult;
import dev.shelf.search.SearchService;
import dev.shelf.search.ServiceLease;
import dev.shelf.text.Texts;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Javalin app: the JSON API under {@code /api} (routes and shapes in {@code openapi.json}, served at
 * {@code /api/openapi.json}), the UI's files from {@code web/}, gzip, security headers, and JSON errors for every
 * failure (never a stack trace).
 */
public final class WebApp {

    /** The longest query accepted, in characters (each of the question, the keywords and the answer). */
    public static final int MAX_QUERY_CHARS = QueryParameters.MAX_TEXT_CHARS;
    /** The largest request body accepted, but by the route that saves a list (which takes up to 20 MB). */
    public static final long MAX_REQUEST_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private WebApp() {
    }

    /**
     * The app, not started.
     *
     * @param services the search service, empty while the first index is being built
     * @param webDir the folder of the UI's static files
     */
    public static Javalin create(ServiceProvider services, Path webDir) {
        return create(services, SearchLimiter.forCores(Runtime.getRuntime().availableProcessors()), webDir);
    }

    /**
     * The app, not started, with the given bound on concurrent searches.
     *
     * @param services the search service, empty while the first index is being built
     * @param limiter how many searches run and wait at once; beyond that the API answers 503
     * @param webDir the folder of the UI's static files
     */
    public static Javalin create(ServiceProvider services, SearchLimiter limiter, Path webDir) {
        return create(services, limiter, webDir, null);
    }

    /**
     * The app, not started, whose lists can be added and removed.
     *
     * @param services the search service, empty while the first index is being built
     * @param limiter how many searches run and wait at once; beyond that the API answers 503
     * @param webDir the folder of the UI's static files
     * @param lists the routes that list, add and remove lists; null for the read-only list of the served build
     */
    public static Javalin create(ServiceProvider services, SearchLimiter limiter, Path webDir, SourceRoutes lists) {
        return create(services, limiter, webDir, lists, null);
    }

    /**
     * The app, not started, whose lists can be added and removed, with an MCP endpoint.
     *
     * @param lists the routes that list, add and remove lists; null for the read-only list of the served build
     * @param mcp the MCP endpoint to mount beside the API; null for none
     */
    public static Javalin create(ServiceProvider services, SearchLimiter limiter, Path webDir, SourceRoutes lists,
                                 McpMount mcp) {
        Api api = new Api(services, limiter);
        return Javalin.create(config -> {
            config.http.compressionStrategy = CompressionStrategy.GZIP;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.http.defaultContentType = "application/json";
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            if (mcp != null) {
                config.jetty.modifyServletContextHandler(mcp::mount);
            }
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = webDir.toAbsolutePath().normalize().toString();
                files.location = Location.EXTERNAL;
            });
            config.requestLogger.http((ctx, ms) -> LOG.debug("{} {} -> {} in {} ms", ctx.method(), ctx.path(), ctx.status(), ms));

            config.routes.before(WebApp::securityHeaders);
            config.routes.get("/api/search", api::search);
            config.routes.get("/api/resources/{id}", api::resource);
            config.routes.get("/api/resources/{id}/related", api::related);
            if (lists == null) {
                config.routes.get("/api/sources", api::sources);
            } else {
                lists.register(config.routes);
            }
            config.routes.get("/api/health", api::health);
            config.routes.get("/api/map", new MapRoutes(services)::map);
            config.routes.get("/api/openapi.json", new OpenApiRoute()::serve);

            config.routes.exception(ApiException.class, (e, ctx) -> {
                if (e.retryAfterSeconds() > 0) {
                    ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
                }
                error(ctx, e.status(), e.code(), e.getMessage());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                Optional<ClusterException> cluster = clusterFailure(e);
                if (cluster.isPresent()) {
                    // The cluster holding the index failed: the server is fine, and may answer again soon. The
                    // cluster's addresses stay in the log, not in answers to whoever asks.
                    LOG.warn("request {} {}: the index cannot be read: {}", ctx.method(), ctx.path(),
                            cluster.get().getMessage());
                    ctx.header("Retry-After", "5");
                    error(ctx, 503, "index_unavailable", "The index cannot be read right now: its OpenSearch cluster"
                            + " is out of reach or refused; try again in a moment (the server's log says more).");
                    return;
                }
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal_error", "Something went wrong on the server; the log says what.");
            });
            config.routes.error(404, ctx -> {
                // Unknown API routes get our error shape; a 404 we raised ourselves already has it.
                String body = ctx.result();
                if (ctx.path().startsWith("/api/") && (body == null || !body.contains("\"error\""))) {
                    error(ctx, 404, "not_found", "No such API route: " + ctx.path());
                }
            });
            config.routes.error(413, ctx -> {
                String body = ctx.result();
                if (body == null || !body.contains("\"error\"")) {
                    error(ctx, 413, "too_large", "The request is larger than " + MAX_REQUEST_BYTES + " bytes.");
                }
            });
        });
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
    }

    /** The cluster's failure behind an exception (the index is in a cluster that is out of reach or refused), if any. */
    static Optional<ClusterException> clusterFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClusterException cluster) {
                return Optional.of(cluster);
            }
        }
        return Optional.empty();
    }

    private static void error(Context ctx, int status, String code, String message) {
        ctx.status(status).json(new ApiError(code, message));
    }

    /** The API's handlers: each holds a lease on the index for the whole request, searches also a limiter turn. */
    private static final class Api {
        private final ServiceProvider services;
        private final SearchLimiter limiter;

        Api(ServiceProvider services, SearchLimiter limiter) {
            this.services = services;
            this.limiter = limiter;
        }

        private ServiceLease lease() {
            return services.lease().orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                    "index_building", "The index is being built for the first time; try again in a few seconds.")
                    .retryAfter(5));
        }

        void search(Context ctx) {
            try (ServiceLease lease = lease()) {
                SearchService service = lease.service();
                SearchRequest request = searchRequest(ctx, service);
                try (SearchLimiter.Permit turn = limiter.enter()) {
                    ctx.json(service.search(request));
                }
            }
        }

        private static SearchRequest searchRequest(Context ctx, SearchService service) {
            return new QueryParameters(ctx::queryParams).searchRequest(service.info().sources().stream()
                    .map(BuildInfo.SourceInfo::id).collect(Collectors.toCollection(LinkedHashSet::new)));
        }

        void resource(Context ctx) {
            String id = ctx.pathParam("id");
            try (ServiceLease lease = lease()) {
                ctx.json(lease.service().view(id).orElseThrow(() -> notFound(id)));
            }
        }

        void related(Context ctx) {
            String id = ctx.pathParam("id");
            int k = new QueryParameters(ctx::queryParams).k();
            try (ServiceLease lease = lease(); SearchLimiter.Permit turn = limiter.enter()) {
                List<SearchResult> results = lease.service().related(id, k).orElseThrow(() -> notFound(id));
                ctx.json(new RelatedResponse(id, results));
            }
        }

        void sources(Context ctx) {
            try (ServiceLease lease = lease()) {
                ctx.json(lease.service().info().sources());
            }
        }

        void health(Context ctx) {
            try (ServiceLease lease = lease()) {
                BuildInfo info = lease.service().info();
                ctx.json(new Health("ok", info.resources(), info.chunks(), info.model(), info.indexedAt()));
            }
        }

        private static ApiException notFound(String id) {
            return new ApiException(404, "not_found", "No resource with id \""
                    + Texts.abbreviate(id, QueryParameters.QUOTED_CHARS) + "\".");
        }
    }

    /** The answer of {@code /api/health}. */
    @JsonPropertyOrder({"status", "resources", "chunks", "model", "indexedAt"})
    record Health(String status, int resources, int chunks, String model, String indexedAt) {
    }
}
