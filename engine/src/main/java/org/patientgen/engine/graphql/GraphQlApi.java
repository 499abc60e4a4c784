package org.patientgen.engine.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.api.PatientGenService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GraphQL API (v2) over a {@link PatientGenService}: queries over jobs, shards, schedules,
 * workflows, pool settings, metrics and the runtime configuration with field selection, and mutations to submit, cancel, retry and
 * reprioritise jobs. The schema is {@code /graphql/patientgen.graphqls}.
 *
 * <p><b>Limits.</b> A query may nest at most {@link #MAX_DEPTH} levels and cost at most
 * {@link #MAX_COMPLEXITY}: each field costs 1 plus its children, and a list field's children
 * count once per item it may return ({@code first}, or {@link #PER_JOB_LIST} for a job's shards
 * and transitions), so {@code jobs(first: 500) { shards { … } }} is refused before it runs.
 * Thread-safe; one instance serves all requests.
 */
public final class GraphQlApi {
    /**
     * Deepest nesting accepted. The schema has no cycles, so the deepest valid query is 5 levels
     * ({@code workflows.jobs.job.shards.index}); the limit guards against the schema growing some.
     */
    public static final int MAX_DEPTH = 8;
    /** Highest estimated cost accepted. */
    public static final int MAX_COMPLEXITY = 5_000;
    /** Items assumed for a job's shards or transitions when estimating cost. */
    static final int PER_JOB_LIST = 20;
    private static final Set<String> PER_JOB_LISTS = Set.of("shards", "transitions");
    private static final Logger LOG = LoggerFactory.getLogger(GraphQlApi.class);

    private final GraphQL graphQl;

    public GraphQlApi() {
        this(MAX_DEPTH, MAX_COMPLEXITY);
    }

    /** With other limits, for tests. */
    GraphQlApi(int maxDepth, int maxComplexity) {
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(schemaText()),
                GraphQlWiring.build());
        FieldComplexityCalculator cost = (env, children) -> {
            Object first = env.getArguments().get("first");
            if (first instanceof Integer) {
                return 1 + children * Math.max(1, (Integer) first);
            }
            if (PER_JOB_LISTS.contains(env.getField().getName())) {
                return 1 + children * PER_JOB_LIST;
            }
            return 1 + children;
        };
        this.graphQl = GraphQL.newGraphQL(schema)
                .instrumentation(new ChainedInstrumentation(List.of(new MaxQueryDepthInstrumentation(maxDepth),
                        new MaxQueryComplexityInstrumentation(maxComplexity, cost))))
                .defaultDataFetcherExceptionHandler(new ServiceErrors())
                .build();
    }

    /** The schema in SDL, for clients and documentation. */
    public static String schemaText() {
        try (InputStream in = GraphQlApi.class.getResourceAsStream("/graphql/patientgen.graphqls")) {
            return new String(Objects.requireNonNull(in, "schema resource").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the GraphQL schema", e);
        }
    }

    /**
     * Runs one request.
     *
     * @param query         the GraphQL document
     * @param operationName which operation of the document to run, or {@code null}
     * @param variables     variable values, or {@code null}
     * @param service       the caller's service (permissions and audit identity)
     * @param actor         the caller's name: owner of jobs it submits
     * @param mayWrite      whether the caller may run mutations (operator or admin)
     * @return the GraphQL response ({@code data}, {@code errors}) ready to be written as JSON
     */
    public Map<String, Object> execute(String query, String operationName, Map<String, Object> variables,
                                       PatientGenService service, String actor, boolean mayWrite) {
        if (query == null || query.isBlank()) {
            throw new PatientGenException(ErrorKind.INVALID, "the request has no GraphQL 'query'");
        }
        ExecutionInput input = ExecutionInput.newExecutionInput(query).operationName(operationName)
                .variables(variables == null ? Map.of() : variables)
                .graphQLContext(Map.of(PatientGenService.class, service, GraphQlWiring.ACTOR, actor,
                        GraphQlWiring.MAY_WRITE, mayWrite))
                .build();
        ExecutionResult result = graphQl.execute(input);
        return result.toSpecification();
    }

    /** Service failures become GraphQL errors with the message and {@code extensions.kind}. */
    private static final class ServiceErrors implements DataFetcherExceptionHandler {
        @Override
        public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
                graphql.execution.DataFetcherExceptionHandlerParameters params) {
            Throwable e = params.getException();
            ErrorKind kind;
            String message;
            if (e instanceof PatientGenException) {
                kind = ((PatientGenException) e).kind();
                message = e.getMessage();
            } else {
                kind = ErrorKind.INTERNAL;
                message = "internal error; the server log has the details";
                LOG.error("GraphQL field {} failed", params.getPath(), e);
            }
            GraphQLError error = GraphqlErrorBuilder.newError(params.getDataFetchingEnvironment())
                    .message(message).extensions(Map.of("kind", kind.name(), "status", kind.httpStatus())).build();
            return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
        }
    }
}
