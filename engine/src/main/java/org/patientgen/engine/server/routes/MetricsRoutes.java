package org.patientgen.engine.server.routes;

import static org.patientgen.engine.server.http.Params.invalid;

import java.time.Duration;
import java.time.Instant;
import org.patientgen.engine.api.MetricSample;
import org.patientgen.engine.api.MetricsSnapshot;
import org.patientgen.engine.server.http.Doc;
import org.patientgen.engine.server.http.Params;
import org.patientgen.engine.server.http.Replies;
import org.patientgen.engine.server.http.RouteTable;
import org.patientgen.engine.wire.Responses;
import org.patientgen.engine.wire.Role;

/**
 * Metrics: the engine's registry as Prometheus text, its snapshots (now, recent history, persisted
 * trends) as JSON, and the HTTP server's own figures.
 */
final class MetricsRoutes {
    private static final String TAG = "Metrics";
    /** History window when none is asked for. */
    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    /** Trend range when no {@code from} is given: the hour before {@code to}. */
    static final Duration DEFAULT_TREND = Duration.ofHours(1);

    private final ApiContext api;

    MetricsRoutes(ApiContext api) {
        this.api = api;
    }

    void register(RouteTable routes) {
        routes.get("/metrics", Role.VIEWER, Doc.of(TAG, "Every metric (engine, pool, JVM, HTTP) in Prometheus text format")
                .returnsText("text/plain; version=0.0.4"), (ctx, caller) ->
                ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(api.engine().metrics().scrape()));
        routes.get("/api/v1/metrics", Role.VIEWER, Doc.of(TAG, "This node's latest metrics snapshot (taken every second)")
                .returns(MetricsSnapshot.class), (ctx, caller) -> Replies.json(ctx, api.service(caller).metrics()));
        routes.get("/api/v1/metrics/history", Role.VIEWER, Doc.of(TAG,
                "This node's snapshots of the last window, one a second, oldest first (the node keeps an hour)")
                .query("window", "duration", "how far back, ISO-8601, e.g. PT30S; default PT5M")
                .returnsList(MetricsSnapshot.class), (ctx, caller) -> Replies.json(ctx,
                        api.service(caller).metricsHistory(Params.durationQuery(ctx, "window", DEFAULT_WINDOW))));
        routes.get("/api/v1/metrics/trend", Role.VIEWER, Doc.of(TAG,
                "A persisted series (one value a minute per node, kept 30 days), by time then tags")
                .query("name", "string", "the series as named in /metrics, e.g. patientgen_jobs (required)")
                .query("from", "date-time", "at or after (ISO-8601 instant); default one hour before 'to'")
                .query("to", "date-time", "before (ISO-8601 instant); default now")
                .returnsList(MetricSample.class), (ctx, caller) -> {
                    String name = Params.textQuery(ctx, "name");
                    if (name == null) {
                        throw invalid("query parameter 'name' is required: a series such as"
                                + " patientgen_patients_generated_total (docs/jobs.md lists them)");
                    }
                    Instant to = Params.instantQuery(ctx, "to");
                    to = to == null ? api.engine().config().clock().instant() : to;
                    Instant from = Params.instantQuery(ctx, "from");
                    Replies.json(ctx, api.service(caller).metricTrend(name, from == null ? to.minus(DEFAULT_TREND) : from,
                            to));
                });
        routes.get("/api/v1/metrics/http", Role.VIEWER, Doc.of(TAG,
                "The HTTP server's request rate (last minute) and latency percentiles (rolling minute)")
                .returns(Responses.HttpMetrics.class), (ctx, caller) -> Replies.json(ctx, api.http().read()));
    }
}
