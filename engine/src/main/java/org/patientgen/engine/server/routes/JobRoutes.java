package org.patientgen.engine.server.routes;

import static org.patientgen.engine.server.http.Params.id;
import static org.patientgen.engine.server.http.Params.invalid;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.patientgen.engine.api.BatchItemResult;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobPage;
import org.patientgen.engine.api.JobProgress;
import org.patientgen.engine.api.JobQuery;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.JobTransition;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.Shard;
import org.patientgen.engine.api.ShardFailure;
import org.patientgen.engine.server.auth.Caller;
import org.patientgen.engine.server.http.Doc;
import org.patientgen.engine.server.http.Params;
import org.patientgen.engine.server.http.Replies;
import org.patientgen.engine.server.http.RouteTable;
import org.patientgen.engine.wire.BatchRequest;
import org.patientgen.engine.wire.BatchResponse;
import org.patientgen.engine.wire.JobRequest;
import org.patientgen.engine.wire.Requests;
import org.patientgen.engine.wire.Role;

/** {@code /api/v1/jobs}: submit, list, inspect, cancel, retry, re-run, reprioritise, batch. */
final class JobRoutes {
    private static final String TAG = "Jobs";
    private static final String JOB = "/api/v1/jobs/{id}";

    private final ApiContext api;

    JobRoutes(ApiContext api) {
        this.api = api;
    }

    void register(RouteTable routes) {
        routes.post("/api/v1/jobs", Role.OPERATOR, Doc.of(TAG, "Submit a job (all fields but population optional)")
                .body(JobRequest.class).returns(201, Job.class), (ctx, caller) -> {
                    JobRequest request = api.bodies().required(ctx, JobRequest.class, "{\"population\": 100}");
                    Job job = api.service(caller).submit(api.jobRequests().submission(request, caller.name()));
                    Replies.created(ctx, "/api/v1/jobs/" + job.id(), job);
                });
        routes.get("/api/v1/jobs", Role.VIEWER, Doc.of(TAG, "List jobs, newest first, one page")
                .repeatedQuery("state", "only jobs in these states (repeat or comma-separate)")
                .repeatedQuery("label", "only jobs with this label, key=value (repeat: all must match)")
                .query("owner", "string", "only jobs submitted by this owner")
                .query("from", "date-time", "submitted at or after (ISO-8601 instant)")
                .query("to", "date-time", "submitted before (ISO-8601 instant)")
                .query("cursor", "string", "nextCursor of the previous page")
                .query("limit", "integer", "jobs per page, 1-" + JobQuery.MAX_LIMIT + ", default " + JobQuery.DEFAULT_LIMIT)
                .returns(JobPage.class), (ctx, caller) -> Replies.json(ctx, api.service(caller).jobs(query(ctx))));
        routes.post("/api/v1/jobs/batch", Role.OPERATOR, Doc.of(TAG,
                "Submit, cancel, retry or reprioritise many jobs; each item succeeds or fails on its own")
                .body(BatchRequest.class).returns(BatchResponse.class), (ctx, caller) -> Replies.json(ctx,
                        batch(api.bodies().required(ctx, BatchRequest.class,
                                "{\"action\": \"cancel\", \"ids\": [1, 2]}"), caller)));
        routes.get(JOB, Role.VIEWER, Doc.of(TAG, "A job").returns(Job.class),
                (ctx, caller) -> Replies.json(ctx, api.service(caller).job(id(ctx, "id"))));
        routes.post(JOB + "/cancel", Role.OPERATOR, Doc.of(TAG, "Cancel a waiting, queued or running job")
                .optionalBody(Requests.Reason.class).returns(Job.class), (ctx, caller) -> Replies.json(ctx,
                        api.service(caller).cancel(id(ctx, "id"), reason(ctx))));
        routes.post(JOB + "/retry", Role.OPERATOR, Doc.of(TAG, "Queue a failed job's failed shards again")
                .optionalBody(Requests.Reason.class).returns(Job.class), (ctx, caller) -> Replies.json(ctx,
                        api.service(caller).retry(id(ctx, "id"), reason(ctx))));
        routes.post(JOB + "/rerun", Role.OPERATOR, Doc.of(TAG, "Submit a new job with an ended job's parameters")
                .returns(201, Job.class), (ctx, caller) -> {
                    Job job = api.service(caller).rerun(id(ctx, "id"));
                    Replies.created(ctx, "/api/v1/jobs/" + job.id(), job);
                });
        routes.put(JOB + "/priority", Role.OPERATOR, Doc.of(TAG, "Change a queued or waiting job's priority")
                .body(Requests.Priority.class).returns(Job.class), (ctx, caller) -> Replies.json(ctx,
                        api.service(caller).reprioritise(id(ctx, "id"), priority(api.bodies().required(ctx,
                                Requests.Priority.class, "{\"priority\": 5}").priority()))));
        routes.get(JOB + "/shards", Role.VIEWER, Doc.of(TAG, "A job's shards in order").returnsList(Shard.class),
                (ctx, caller) -> Replies.json(ctx, api.service(caller).shards(id(ctx, "id"))));
        routes.get(JOB + "/transitions", Role.VIEWER, Doc.of(TAG, "A job's state changes, oldest first")
                .returnsList(JobTransition.class), (ctx, caller) -> Replies.json(ctx,
                        api.service(caller).transitions(id(ctx, "id"))));
        routes.get(JOB + "/failures", Role.VIEWER, Doc.of(TAG, "Every failed attempt of a job's shards")
                .returnsList(ShardFailure.class), (ctx, caller) -> Replies.json(ctx,
                        api.service(caller).failures(id(ctx, "id"))));
        routes.get(JOB + "/progress", Role.VIEWER, Doc.of(TAG, "A job's progress with rate and ETA")
                .returns(JobProgress.class), (ctx, caller) -> Replies.json(ctx, api.service(caller).progress(id(ctx, "id"))));
        routes.get(JOB + "/manifest", Role.VIEWER, Doc.of(TAG, "Download the manifest of a job's output (JSON file)")
                .returnsText("application/json"), (ctx, caller) -> {
                    long id = id(ctx, "id");
                    String manifest = api.service(caller).manifest(id);
                    ctx.header("Content-Disposition", "attachment; filename=\"job-" + id + "-manifest.json\"");
                    ctx.contentType("application/json").result(manifest);
                });
    }


    private String reason(io.javalin.http.Context ctx) {
        Requests.Reason body = api.bodies().optional(ctx, Requests.Reason.class);
        return body == null || body.reason() == null ? "" : body.reason();
    }

    private static int priority(Integer priority) {
        if (priority == null) {
            throw invalid("field 'priority' is required, a whole number from " + JobSubmission.MIN_PRIORITY + " to "
                    + JobSubmission.MAX_PRIORITY);
        }
        try {
            return JobSubmission.checkPriority(priority);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    static JobQuery query(io.javalin.http.Context ctx) {
        Set<JobState> states = EnumSet.noneOf(JobState.class);
        for (String s : Params.listQuery(ctx, "state")) {
            try {
                states.add(JobState.valueOf(s.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw invalid("query parameter 'state' must be one of " + List.of(JobState.values()) + ", was '" + s + "'");
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (String raw : ctx.queryParams("label")) {
            int eq = raw.indexOf('=');
            if (eq < 1) {
                throw invalid("query parameter 'label' must be key=value, e.g. label=team=cardio, was '" + raw + "'");
            }
            labels.put(raw.substring(0, eq).strip(), raw.substring(eq + 1));
        }
        try {
            return new JobQuery(states, labels, Params.textQuery(ctx, "owner"), Params.instantQuery(ctx, "from"),
                    Params.instantQuery(ctx, "to"), Params.textQuery(ctx, "cursor"),
                    Params.intQuery(ctx, "limit", JobQuery.DEFAULT_LIMIT, 1, JobQuery.MAX_LIMIT));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private BatchResponse batch(BatchRequest request, Caller caller) {
        if (request.action() == null) {
            throw invalid("field 'action' is required: submit, cancel, retry or reprioritise");
        }
        PatientGenService service = api.service(caller);
        List<BatchItemResult> results;
        if (request.action() == BatchRequest.Action.SUBMIT) {
            results = submitAll(requireItems(request.jobs(), "jobs"), service, caller);
        } else {
            List<Long> ids = requireItems(request.ids(), "ids");
            String reason = request.reason() == null ? "" : request.reason();
            switch (request.action()) {
                case CANCEL:
                    results = service.cancelAll(ids, reason);
                    break;
                case RETRY:
                    results = service.retryAll(ids, reason);
                    break;
                default:
                    results = service.reprioritiseAll(ids, priority(request.priority()));
            }
        }
        return BatchResponse.of(request.action(), results);
    }

    /** Submits each item on its own: an item whose request is incomplete fails alone. */
    private List<BatchItemResult> submitAll(List<JobRequest> jobs, PatientGenService service, Caller caller) {
        List<JobSubmission> valid = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        BatchItemResult[] results = new BatchItemResult[jobs.size()];
        for (int i = 0; i < jobs.size(); i++) {
            try {
                valid.add(api.jobRequests().submission(jobs.get(i), caller.name()));
                positions.add(i);
            } catch (PatientGenException e) {
                results[i] = new BatchItemResult(i, null, BatchItemResult.Outcome.of(e.kind()), e.getMessage());
            }
        }
        List<BatchItemResult> submitted = service.submitAll(valid);
        for (int k = 0; k < submitted.size(); k++) {
            BatchItemResult r = submitted.get(k);
            int index = positions.get(k);
            results[index] = new BatchItemResult(index, r.jobId(), r.outcome(), r.message());
        }
        return List.of(results);
    }

    private static <T> List<T> requireItems(List<T> items, String field) {
        if (items == null || items.isEmpty()) {
            throw invalid("field '" + field + "' must list at least one item");
        }
        if (items.size() > BatchRequest.MAX_ITEMS) {
            throw invalid("a batch holds at most " + BatchRequest.MAX_ITEMS + " items, '" + field + "' had "
                    + items.size() + "; split it into several batches");
        }
        if (items.contains(null)) {
            throw invalid("field '" + field + "' must not contain null");
        }
        return items;
    }
}
