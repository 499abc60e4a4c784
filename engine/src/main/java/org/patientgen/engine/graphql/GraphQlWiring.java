package org.patientgen.engine.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobPage;
import org.patientgen.engine.api.JobProgress;
import org.patientgen.engine.api.JobQuery;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.MetricsSnapshot;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.PoolStatus;
import org.patientgen.engine.api.Schedule;
import org.patientgen.engine.api.WorkflowJob;

/**
 * Binds the schema's fields to the {@link PatientGenService} of the request (taken from the
 * GraphQL context), so every query and mutation goes through the same service, permissions and
 * audit trail as REST. Fields not bound here are read from the records' accessors by name.
 */
final class GraphQlWiring {
    /** Context key: may this request change anything (an operator or admin token)? */
    static final String MAY_WRITE = "patientgen.mayWrite";
    /** Context key: the caller's name, owner of jobs it submits. */
    static final String ACTOR = "patientgen.actor";
    private static final int MAX_PAGE = JobQuery.MAX_LIMIT;

    private GraphQlWiring() {
    }

    static RuntimeWiring build() {
        return RuntimeWiring.newRuntimeWiring()
                .scalar(LongScalar.LONG)
                .type(TypeRuntimeWiring.newTypeWiring("Query")
                        .dataFetcher("info", env -> service(env).info())
                        .dataFetcher("job", env -> optional(() -> service(env).job(id(env, "id"))))
                        .dataFetcher("jobs", GraphQlWiring::jobs)
                        .dataFetcher("schedules", env -> service(env).schedules())
                        .dataFetcher("schedule", env -> optional(() -> service(env).schedule(id(env, "id"))))
                        .dataFetcher("workflows", env -> service(env).workflows(page(env, 20)))
                        .dataFetcher("workflow", env -> optional(() -> service(env).workflow(id(env, "id"))))
                        .dataFetcher("pool", env -> service(env).pool())
                        .dataFetcher("poolHistory", env -> service(env).poolHistory())
                        .dataFetcher("metrics", env -> service(env).metrics())
                        .dataFetcher("config", env -> service(env).config()))
                .type(TypeRuntimeWiring.newTypeWiring("Mutation")
                        .dataFetcher("submitJob", env -> writer(env).submit(submission(env)))
                        .dataFetcher("cancelJob", env -> writer(env).cancel(id(env, "id"), env.getArgument("reason")))
                        .dataFetcher("retryJob", env -> writer(env).retry(id(env, "id"), env.getArgument("reason")))
                        .dataFetcher("reprioritiseJob", env -> writer(env).reprioritise(id(env, "id"),
                                env.<Integer>getArgument("priority"))))
                .type(jobType())
                .type(TypeRuntimeWiring.newTypeWiring("Progress")
                        .dataFetcher("fraction", env -> env.<JobProgress>getSource().fraction())
                        .dataFetcher("patientsPerSecond", env -> env.<JobProgress>getSource().patientsPerSecond())
                        .dataFetcher("etaSeconds", env -> env.<JobProgress>getSource().eta()
                                .map(d -> d.toMillis() / 1000.0).orElse(null)))
                .type(TypeRuntimeWiring.newTypeWiring("Schedule")
                        .dataFetcher("name", schedule(s -> s.definition().name()))
                        .dataFetcher("cronExpression", schedule(s -> s.definition().cronExpression()))
                        .dataFetcher("syntax", schedule(s -> s.definition().syntax().name()))
                        .dataFetcher("timeZone", schedule(s -> s.definition().timeZone().getId()))
                        .dataFetcher("misfirePolicy", schedule(s -> s.definition().misfirePolicy().name()))
                        .dataFetcher("population", schedule(s -> s.definition().population().name()))
                        .dataFetcher("enabled", schedule(s -> s.definition().enabled()))
                        .dataFetcher("upcoming", env -> service(env).upcomingFires(
                                env.<Schedule>getSource().id(), env.<Integer>getArgument("count")).stream()
                                .map(t -> t.toOffsetDateTime().toString()).toList()))
                .type(TypeRuntimeWiring.newTypeWiring("WorkflowJob")
                        .dataFetcher("job", env -> service(env).job(env.<WorkflowJob>getSource().jobId())))
                .type(TypeRuntimeWiring.newTypeWiring("MetricsSnapshot")
                        .dataFetcher("jobsByState", env -> env.<MetricsSnapshot>getSource().jobsByState().entrySet()
                                .stream().map(e -> Map.of("state", e.getKey().name(), "count", e.getValue())).toList())
                        .dataFetcher("workerUtilisation", env -> env.<MetricsSnapshot>getSource().workerUtilisation()))
                .type(TypeRuntimeWiring.newTypeWiring("PoolStatus")
                        .dataFetcher("databaseMaxConnections",
                                env -> env.<PoolStatus>getSource().limits().maxConnections()))
                .build();
    }

    private static TypeRuntimeWiring.Builder jobType() {
        return TypeRuntimeWiring.newTypeWiring("Job")
                .dataFetcher("priority", job(j -> j.submission().priority()))
                .dataFetcher("owner", job(j -> j.submission().owner()))
                .dataFetcher("labels", job(j -> labels(j.submission().labels())))
                .dataFetcher("population", spec(GenerationSpec::population))
                .dataFetcher("seed", spec(GenerationSpec::seed))
                .dataFetcher("usState", spec(GenerationSpec::state))
                .dataFetcher("endDate", spec(s -> s.endDate().toString()))
                .dataFetcher("yearsOfHistory", spec(GenerationSpec::yearsOfHistory))
                .dataFetcher("formats", spec(GenerationSpec::formats))
                .dataFetcher("output", spec(GenerationSpec::output))
                .dataFetcher("shardSize", spec(GenerationSpec::shardSize))
                .dataFetcher("shardCount", job(Job::shards))
                .dataFetcher("patientsGenerated", job(Job::patientsDone))
                .dataFetcher("progress", env -> service(env).progress(env.<Job>getSource().id()))
                .dataFetcher("shards", env -> service(env).shards(env.<Job>getSource().id()))
                .dataFetcher("transitions", env -> service(env).transitions(env.<Job>getSource().id()));
    }

    private static Object jobs(DataFetchingEnvironment env) {
        Set<JobState> states = EnumSet.noneOf(JobState.class);
        List<String> stateNames = env.getArgument("states");
        if (stateNames != null) {
            stateNames.forEach(s -> states.add(JobState.valueOf(s)));
        }
        JobQuery query;
        try {
            query = new JobQuery(states, labelMap(env.getArgument("labels")), env.getArgument("owner"), null, null,
                    env.getArgument("after"), page(env, JobQuery.DEFAULT_LIMIT));
        } catch (IllegalArgumentException e) {
            throw new PatientGenException(ErrorKind.INVALID, e.getMessage(), e);
        }
        JobPage page = service(env).jobs(query);
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", page.nextCursor() != null);
        pageInfo.put("endCursor", page.nextCursor());
        return Map.of("nodes", page.jobs(), "pageInfo", pageInfo);
    }

    private static JobSubmission submission(DataFetchingEnvironment env) {
        Map<String, Object> in = env.getArgument("input");
        try {
            Object seed = in.get("seed");
            String endDate = (String) in.get("endDate");
            GenerationSpec spec = new GenerationSpec((Long) in.get("population"),
                    seed == null ? new java.util.SplittableRandom().nextLong() : (Long) seed, (String) in.get("state"),
                    endDate == null ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(endDate),
                    (Integer) in.get("yearsOfHistory"), castList(in.get("formats")), (String) in.get("modules"),
                    (String) in.get("output"), (Integer) in.get("shardSize"));
            return new JobSubmission(spec, (Integer) in.get("priority"), env.getGraphQlContext().get(ACTOR),
                    labelMap(castList(in.get("labels"))));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new PatientGenException(ErrorKind.INVALID, "submitJob: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> castList(Object list) {
        return list == null ? null : (List<T>) list;
    }

    private static Map<String, String> labelMap(List<Map<String, Object>> labels) {
        Map<String, String> map = new LinkedHashMap<>();
        if (labels != null) {
            labels.forEach(l -> map.put((String) l.get("key"), (String) l.get("value")));
        }
        return map;
    }

    private static List<Map<String, String>> labels(Map<String, String> labels) {
        List<Map<String, String>> list = new ArrayList<>();
        labels.forEach((k, v) -> list.add(Map.of("key", k, "value", v)));
        return list;
    }

    private static int page(DataFetchingEnvironment env, int fallback) {
        Integer first = env.getArgument("first");
        int n = first == null ? fallback : first;
        if (n < 1 || n > MAX_PAGE) {
            throw new PatientGenException(ErrorKind.INVALID, "first must be between 1 and " + MAX_PAGE + ", was " + n);
        }
        return n;
    }

    private static long id(DataFetchingEnvironment env, String name) {
        String id = env.getArgument(name);
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new PatientGenException(ErrorKind.INVALID, name + " '" + id + "' is not a number");
        }
    }

    /** Null for a missing object, as GraphQL expects of a nullable lookup; other failures pass. */
    private static Object optional(java.util.function.Supplier<Object> lookup) {
        try {
            return lookup.get();
        } catch (PatientGenException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    static PatientGenService service(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(PatientGenService.class);
    }

    private static PatientGenService writer(DataFetchingEnvironment env) {
        if (!Boolean.TRUE.equals(env.getGraphQlContext().get(MAY_WRITE))) {
            throw new PatientGenException(ErrorKind.FORBIDDEN, "mutation " + env.getField().getName()
                    + " needs an operator or admin token; this token may only read");
        }
        return service(env);
    }

    private static DataFetcher<Object> job(Function<Job, Object> f) {
        return env -> f.apply(env.getSource());
    }

    private static DataFetcher<Object> spec(Function<GenerationSpec, Object> f) {
        return env -> f.apply(env.<Job>getSource().submission().spec());
    }

    private static DataFetcher<Object> schedule(Function<Schedule, Object> f) {
        return env -> f.apply(env.getSource());
    }
}
