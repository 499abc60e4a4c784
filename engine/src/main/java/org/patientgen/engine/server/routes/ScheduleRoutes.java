package org.patientgen.engine.server.routes;

import static org.patientgen.engine.server.http.Params.id;
import static org.patientgen.engine.server.http.Params.invalid;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.patientgen.engine.api.CronPreview;
import org.patientgen.engine.api.CronSyntax;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.MisfirePolicy;
import org.patientgen.engine.api.PopulationPolicy;
import org.patientgen.engine.api.Schedule;
import org.patientgen.engine.api.ScheduleDefinition;
import org.patientgen.engine.api.ScheduleFire;
import org.patientgen.engine.server.auth.Caller;
import org.patientgen.engine.server.http.Doc;
import org.patientgen.engine.server.http.Params;
import org.patientgen.engine.server.http.Replies;
import org.patientgen.engine.server.http.RouteTable;
import org.patientgen.engine.wire.Requests;
import org.patientgen.engine.wire.Role;

/** {@code /api/v1/schedules} and {@code /api/v1/cron/preview}. */
final class ScheduleRoutes {
    private static final String TAG = "Schedules";
    private static final String ONE = "/api/v1/schedules/{id}";
    private static final String EXAMPLE = "{\"name\": \"nightly\", \"cronExpression\": \"30 2 * * *\","
            + " \"template\": {\"population\": 1000}}";

    private final ApiContext api;

    ScheduleRoutes(ApiContext api) {
        this.api = api;
    }

    void register(RouteTable routes) {
        routes.get("/api/v1/schedules", Role.VIEWER, Doc.of(TAG, "Every schedule, by name").returnsList(Schedule.class),
                (ctx, caller) -> Replies.json(ctx, api.service(caller).schedules()));
        routes.post("/api/v1/schedules", Role.OPERATOR, Doc.of(TAG, "Create a schedule")
                .body(Requests.Schedule.class).returns(201, Schedule.class), (ctx, caller) -> {
                    Schedule s = api.service(caller).createSchedule(definition(ctx, caller));
                    Replies.created(ctx, "/api/v1/schedules/" + s.id(), s);
                });
        routes.get(ONE, Role.VIEWER, Doc.of(TAG, "A schedule").returns(Schedule.class),
                (ctx, caller) -> Replies.json(ctx, api.service(caller).schedule(id(ctx, "id"))));
        routes.put(ONE, Role.OPERATOR, Doc.of(TAG, "Replace a schedule's definition")
                .body(Requests.Schedule.class).returns(Schedule.class), (ctx, caller) -> Replies.json(ctx,
                        api.service(caller).updateSchedule(id(ctx, "id"), definition(ctx, caller))));
        routes.delete(ONE, Role.OPERATOR, Doc.of(TAG, "Delete a schedule (jobs it submitted stay)").noContent(),
                (ctx, caller) -> {
                    api.service(caller).deleteSchedule(id(ctx, "id"));
                    Replies.noContent(ctx);
                });
        routes.put(ONE + "/enabled", Role.OPERATOR, Doc.of(TAG, "Enable or disable a schedule")
                .body(Requests.Enabled.class).returns(Schedule.class), (ctx, caller) -> {
                    Requests.Enabled body = api.bodies().required(ctx, Requests.Enabled.class, "{\"enabled\": false}");
                    if (body.enabled() == null) {
                        throw invalid("field 'enabled' is required: true or false");
                    }
                    Replies.json(ctx, api.service(caller).setScheduleEnabled(id(ctx, "id"), body.enabled()));
                });
        routes.post(ONE + "/run", Role.OPERATOR, Doc.of(TAG, "Submit the schedule's job now, outside its slots")
                .returns(201, Job.class), (ctx, caller) -> {
                    Job job = api.service(caller).runScheduleNow(id(ctx, "id"));
                    Replies.created(ctx, "/api/v1/jobs/" + job.id(), job);
                });
        routes.get(ONE + "/upcoming", Role.VIEWER, Doc.of(TAG, "The next fire times, in the schedule's zone")
                .query("count", "integer", "how many, 1-100, default 5").returnsList(ZonedDateTime.class),
                (ctx, caller) -> Replies.json(ctx, api.service(caller).upcomingFires(id(ctx, "id"),
                        Params.intQuery(ctx, "count", 5, 1, 100))));
        routes.get(ONE + "/fires", Role.VIEWER, Doc.of(TAG, "The slots the schedule fired, newest first")
                .query("limit", "integer", "how many, 1-100, default 20").returnsList(ScheduleFire.class),
                (ctx, caller) -> Replies.json(ctx, api.service(caller).scheduleFires(id(ctx, "id"),
                        Params.intQuery(ctx, "limit", 20, 1, 100))));
        routes.get("/api/v1/cron/preview", Role.VIEWER, Doc.of(TAG, "Explain a cron expression and its next fire times")
                .query("expression", "string", "the expression, e.g. 30 2 * * 1-5 (URL-encoded)")
                .query("syntax", "string", "UNIX (default) or QUARTZ")
                .query("zone", "string", "IANA time zone, default UTC")
                .query("count", "integer", "fire times to list, 1-100, default 5")
                .returns(CronPreview.class), (ctx, caller) -> {
                    String expression = Params.textQuery(ctx, "expression");
                    if (expression == null) {
                        throw invalid("query parameter 'expression' is required, e.g. expression=30%202%20*%20*%20*");
                    }
                    Replies.json(ctx, api.service(caller).previewCron(expression, syntax(Params.textQuery(ctx, "syntax")),
                            zone(Params.textQuery(ctx, "zone")), Params.intQuery(ctx, "count", 5, 1, 100)));
                });
    }


    private ScheduleDefinition definition(Context ctx, Caller caller) {
        Requests.Schedule r = api.bodies().required(ctx, Requests.Schedule.class, EXAMPLE);
        if (r.name() == null || r.cronExpression() == null || r.template() == null) {
            throw invalid("fields 'name', 'cronExpression' and 'template' are required, e.g. " + EXAMPLE);
        }
        String dir = r.name().strip().replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            return new ScheduleDefinition(r.name(), r.cronExpression(), r.syntax() != null ? r.syntax() : CronSyntax.UNIX,
                    r.timeZone() != null ? r.timeZone() : ZoneId.of("UTC"),
                    r.misfirePolicy() != null ? r.misfirePolicy() : MisfirePolicy.RUN_ONCE,
                    api.jobRequests().submission(r.template(), caller.name(),
                            () -> api.jobRequests().dataDirectory().resolve("schedules").resolve(dir)),
                    r.enabled() == null || r.enabled(),
                    r.population() != null ? r.population() : PopulationPolicy.SAME_EACH_FIRE);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static CronSyntax syntax(String raw) {
        if (raw == null) {
            return CronSyntax.UNIX;
        }
        try {
            return CronSyntax.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("query parameter 'syntax' must be UNIX or QUARTZ, was '" + raw + "'");
        }
    }

    private static ZoneId zone(String raw) {
        if (raw == null) {
            return ZoneOffset.UTC.normalized();
        }
        try {
            return ZoneId.of(raw);
        } catch (DateTimeException e) {
            throw invalid("query parameter 'zone' must be an IANA time zone such as Europe/Berlin or UTC, was '" + raw
                    + "'");
        }
    }
}
