package org.patientgen.engine.schedules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.RetryPolicy;

/**
 * A schedule's job template as stored: JSON with the field names of {@link JobSubmission} and
 * {@link GenerationSpec}, dates as ISO strings. Written by hand rather than by data binding so
 * that the stored form does not change when a record gains a field, and reading an old row
 * still validates through the records' constructors.
 */
final class JobTemplateJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JobTemplateJson() {
    }

    static String write(JobSubmission job) {
        GenerationSpec spec = job.spec();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode s = root.putObject("spec");
        s.put("population", spec.population());
        s.put("seed", spec.seed());
        s.put("state", spec.state());
        s.put("endDate", spec.endDate().toString());
        s.put("yearsOfHistory", spec.yearsOfHistory());
        spec.formats().forEach(s.putArray("formats")::add);
        s.put("modules", spec.modules());
        s.put("output", spec.output());
        s.put("shardSize", spec.shardSize());
        root.put("priority", job.priority());
        root.put("owner", job.owner());
        ObjectNode labels = root.putObject("labels");
        job.labels().forEach(labels::put);
        ObjectNode retry = root.putObject("retry");
        retry.put("maxAttempts", job.retry().maxAttempts());
        retry.put("initialBackoffMs", job.retry().initialBackoff().toMillis());
        retry.put("maxBackoffMs", job.retry().maxBackoff().toMillis());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job template cannot be written as JSON", e);
        }
    }

    static JobSubmission read(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode s = root.required("spec");
            List<String> formats = new ArrayList<>();
            s.required("formats").forEach(f -> formats.add(f.asText()));
            GenerationSpec spec = new GenerationSpec(s.required("population").asLong(), s.required("seed").asLong(),
                    s.required("state").asText(), LocalDate.parse(s.required("endDate").asText()),
                    s.required("yearsOfHistory").asInt(), formats, s.path("modules").asText(""),
                    s.required("output").asText(), s.required("shardSize").asInt());
            Map<String, String> labels = new TreeMap<>();
            for (Map.Entry<String, JsonNode> label : root.path("labels").properties()) {
                labels.put(label.getKey(), label.getValue().asText());
            }
            // Templates stored before retry policies were kept have none: their jobs get the default.
            JsonNode r = root.path("retry");
            RetryPolicy retry = r.isMissingNode() ? RetryPolicy.DEFAULT
                    : new RetryPolicy(r.required("maxAttempts").asInt(),
                            Duration.ofMillis(r.required("initialBackoffMs").asLong()),
                            Duration.ofMillis(r.required("maxBackoffMs").asLong()));
            return new JobSubmission(spec, root.required("priority").asInt(), root.required("owner").asText(), labels,
                    retry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored job template is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
