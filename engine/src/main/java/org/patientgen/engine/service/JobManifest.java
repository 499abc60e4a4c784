package org.patientgen.engine.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.Shard;
import org.patientgen.engine.api.ShardState;
import org.patientgen.engine.jobs.ShardRequests;

/**
 * A job's output manifest: the job's parameters and state, and for each completed shard its
 * directory and the {@code manifest.json} the generator wrote there (counts, SHA-256 of every file).
 */
final class JobManifest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JobManifest() {
    }

    static String of(Job job, List<Shard> shards) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("job", job.id());
        root.put("state", job.state().name());
        root.put("output", job.submission().spec().output());
        root.put("population", job.submission().spec().population());
        root.put("seed", job.submission().spec().seed());
        root.put("patientsDone", job.patientsDone());
        ArrayNode list = root.putArray("shards");
        Path output = Path.of(job.submission().spec().output());
        for (Shard shard : shards) {
            ObjectNode s = list.addObject();
            s.put("index", shard.index());
            s.put("firstPatient", shard.firstPatient());
            s.put("patients", shard.patientCount());
            s.put("state", shard.state().name());
            if (shard.state() == ShardState.SUCCEEDED) {
                Path dir = ShardRequests.shardDirectory(output, shard.index());
                s.put("directory", output.relativize(dir).toString().replace('\\', '/'));
                Path manifest = dir.resolve("manifest.json");
                if (Files.isRegularFile(manifest)) {
                    JsonNode generated = JSON.readTree(manifest.toFile());
                    s.set("manifest", generated);
                } else {
                    s.put("manifest", "missing: " + manifest.getFileName() + " was moved or deleted after the shard completed");
                }
            }
        }
        return JSON.writeValueAsString(root);
    }
}
