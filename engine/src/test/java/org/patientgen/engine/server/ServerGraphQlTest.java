package org.patientgen.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.server.ServerFixture.Reply;
import org.patientgen.engine.testing.TestDatabases.Backend;
import org.patientgen.engine.wire.Requests;
import org.patientgen.engine.wire.Responses;
import org.patientgen.engine.wire.WireJson;

/** GraphQL over HTTP: GraphQL errors in a 200, HTTP mistakes as problem documents, roles from the token. */
class ServerGraphQlTest extends LoopbackServerTest {

    private Reply graphQl(String token, String query, Map<String, Object> variables) {
        return f.post("/api/v2/graphql", token, WireJson.write(new Requests.GraphQl(query, null, variables)));
    }

    @Test
    void queriesAndMutationsWithVariablesAndTheCallersRole() throws Exception {
        f = ServerFixture.start(Backend.H2, temp);
        Reply info = graphQl(f.viewer, "{ info { node database } metrics { poolMax } config { workers } }", null);
        assertThat(info.status()).isEqualTo(200);
        Responses.GraphQlResult result = info.as(Responses.GraphQlResult.class);
        assertThat(result.errors()).isNull();
        assertThat(result.data().at("/info/node").asText()).isEqualTo("test-node");
        assertThat(result.data().at("/metrics/poolMax").asInt()).isEqualTo(f.engine.pool().usage().max());
        assertThat(result.data().at("/config/workers").asInt()).isZero();

        String submit = "mutation Submit($input: JobInput!) { submitJob(input: $input) { id owner state } }";
        Map<String, Object> variables = Map.of("input", Map.of("population", 10, "seed", 7, "shardSize", 5,
                "output", temp.resolve("gql").toString()));
        Reply refused = graphQl(f.viewer, submit, variables);
        assertThat(refused.status()).as("GraphQL errors are answers, not HTTP failures").isEqualTo(200);
        JsonNode error = refused.as(Responses.GraphQlResult.class).errors().get(0);
        assertThat(error.at("/extensions/kind").asText()).isEqualTo("FORBIDDEN");
        assertThat(error.get("message").asText()).contains("needs an operator or admin token");

        Reply submitted = f.post("/api/v2/graphql", f.operator, WireJson.write(new Requests.GraphQl(
                submit + " query Other { info { node } }", "Submit", variables)));
        JsonNode job = submitted.as(Responses.GraphQlResult.class).data().get("submitJob");
        assertThat(job.get("owner").asText()).isEqualTo("olivia");
        assertThat(job.get("state").asText()).isEqualTo("QUEUED");
        assertThat(f.get("/api/v1/jobs/" + job.get("id").asText(), f.viewer).status()).isEqualTo(200);
        JsonNode audit = f.get("/api/v1/audit?action=job.submit", f.admin).json().get("entries").get(0);
        assertThat(audit.get("actor").asText()).isEqualTo("olivia");
        assertThat(audit.get("remoteAddress").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void documentErrorsAre200AndBodyErrorsAreProblems() throws Exception {
        f = ServerFixture.start(Backend.H2, temp);
        Reply syntax = graphQl(f.viewer, "{ info { node }", null);
        assertThat(syntax.status()).isEqualTo(200);
        Responses.GraphQlResult broken = syntax.as(Responses.GraphQlResult.class);
        assertThat(broken.data()).isNull();
        assertThat(broken.errors().get(0).get("message").asText()).containsIgnoringCase("invalid syntax");
        assertThat(graphQl(f.viewer, "{ jobs(first: 500) { nodes { shards { index state attempts leaseOwner }"
                + " transitions { from to at actor } } } }", null).json().at("/errors/0/message").asText())
                .containsIgnoringCase("complexity");

        for (String body : new String[] {"{\"query\": ", "{\"query\": \"{ info { node } }\", \"extra\": 1}",
                "{\"operationName\": \"x\"}", "[]"}) {
            Reply r = f.post("/api/v2/graphql", f.viewer, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(f.post("/api/v2/graphql", f.viewer, "{\"variables\": {}}").json().get("detail").asText())
                .contains("no GraphQL 'query'");
        assertThat(f.post("/api/v2/graphql", null, "{\"query\": \"{ info { node } }\"}").status()).isEqualTo(401);

        Reply schema = f.get("/api/v2/graphql/schema", f.viewer);
        assertThat(schema.header("Content-Type")).startsWith("text/plain");
        assertThat(schema.body()).contains("type Query", "type MetricsSnapshot", "submitJob(input: JobInput!)");
    }
}
