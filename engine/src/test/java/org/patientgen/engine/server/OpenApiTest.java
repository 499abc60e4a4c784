package org.patientgen.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.websocket.WsHandlerType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.engine.testing.TestDatabases.Backend;

/**
 * The OpenAPI document is honest: every route Javalin actually serves is documented and every
 * documented operation is served, with its role, and every schema reference resolves.
 */
class OpenApiTest {
    @TempDir
    Path temp;

    @Test
    void documentsExactlyTheRegisteredRoutes() throws Exception {
        try (ServerFixture f = ServerFixture.start(Backend.H2, temp)) {
            ServerFixture.Reply reply = f.get("/api/v1/openapi.json", f.viewer);
            assertThat(reply.status()).isEqualTo(200);
            JsonNode doc = reply.json();
            assertThat(doc.get("openapi").asText()).startsWith("3.");

            TreeSet<String> registered = new TreeSet<>();
            f.server.javalin().unsafe.internalRouter.allHttpHandlers().stream()
                    .filter(e -> e.endpoint.method.isHttpMethod())
                    .forEach(e -> registered.add(e.endpoint.method.name() + " " + e.endpoint.path));
            f.server.javalin().unsafe.internalRouter.allWsHandlers().stream()
                    .filter(e -> e.getType() == WsHandlerType.WEBSOCKET)
                    .forEach(e -> registered.add("GET " + e.getPath()));

            TreeSet<String> documented = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    boolean isPublic = path.getKey().startsWith("/health/");
                    assertThat(op.getValue().has("x-required-role")).as(op.getKey() + " " + path.getKey())
                            .isEqualTo(!isPublic);
                    assertThat(op.getValue().get("responses").has("default")).isTrue();
                }
            }
            assertThat(documented).isEqualTo(registered);

            List<String> refs = new ArrayList<>();
            collectRefs(doc, refs);
            assertThat(refs).isNotEmpty();
            for (String ref : refs) {
                assertThat(doc.at(ref.substring(1))).as(ref).isNotNull();
                assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref + " resolves").isFalse();
            }
            JsonNode job = doc.at("/components/schemas/Job/properties");
            assertThat(job.has("patientsGenerated")).as("derived values are documented too").isTrue();
            assertThat(job.has("state")).isTrue();
            assertThat(doc.at("/components/schemas/JobProgress/properties").has("etaSeconds")).isTrue();
            assertThat(doc.at("/paths/~1api~1v1~1jobs/post/requestBody/content/application~1json/schema/$ref").asText())
                    .isEqualTo("#/components/schemas/JobRequest");
            assertThat(doc.at("/paths/~1api~1v2~1graphql/post/x-required-role").asText()).isEqualTo("VIEWER");
            assertThat(doc.at("/paths/~1api~1v1~1config/post/x-required-role").asText()).isEqualTo("ADMIN");
            assertThat(doc.at("/paths/~1api~1v1~1metrics~1history/get/parameters/0/schema/format").asText())
                    .isEqualTo("duration");
            assertThat(doc.at("/components/schemas/RuntimeConfig/properties").has("requestsPerMinutePerToken")).isTrue();
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
