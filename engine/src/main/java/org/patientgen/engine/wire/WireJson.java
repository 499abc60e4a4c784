package org.patientgen.engine.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonAppend;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobProgress;
import org.patientgen.engine.api.PoolChange;
import org.patientgen.engine.api.Workflow;

/**
 * The one JSON configuration of the HTTP API. Server and client use {@link #mapper()} so that a
 * record written by one is read back identically by the other.
 *
 * <ul>
 *   <li>Times are ISO-8601 strings: instants in UTC ({@code 2026-11-03T14:25:30Z}), zoned date-times
 *       with their zone ({@code 2026-11-03T02:30:00+01:00[Europe/Berlin]}), durations as
 *       {@code PT10S}, dates as {@code 2026-11-03}.</li>
 *   <li>Strict reading: unknown fields, trailing content, numbers for enums, floats for integers,
 *       strings for numbers and {@code null} for primitives are errors, so a typo fails the request
 *       instead of being ignored.</li>
 *   <li>Some records carry derived values that help a reader without the Java records (e.g. a job's
 *       {@code patientsGenerated}, a progress' {@code fraction}); they are written and ignored on
 *       reading.</li>
 * </ul>
 */
public final class WireJson {
    /** Media type of problem documents (RFC 9457). */
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final ObjectMapper MAPPER = newMapper();

    private WireJson() {
    }

    /** The shared, configured mapper; thread-safe; do not reconfigure it (use {@link #newMapper()}). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new mapper with the API's configuration, for callers that need to add to it. */
    public static ObjectMapper newMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.WRITE_DATES_WITH_ZONE_ID)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .addMixIn(Job.class, JobMixin.class)
                .addMixIn(JobProgress.class, JobProgressMixin.class)
                .addMixIn(PoolChange.class, PoolChangeMixin.class)
                .addMixIn(Workflow.class, WorkflowMixin.class)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(1_000_000).maxNumberLength(40).build());
        return mapper;
    }

    /** {@code value} as JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A job also shows {@code patientsGenerated} (its {@code patientsDone}), the name the REST API documents. */
    @JsonAppend(props = @JsonAppend.Prop(value = DerivedValues.class, name = "patientsGenerated",
            type = long.class))
    @JsonIgnoreProperties(value = "patientsGenerated", allowGetters = true)
    abstract static class JobMixin {
    }

    /** Progress also shows its fraction, rate and estimated seconds left. */
    @JsonAppend(props = {
            @JsonAppend.Prop(value = DerivedValues.class, name = "fraction", type = double.class),
            @JsonAppend.Prop(value = DerivedValues.class, name = "patientsPerSecond", type = double.class),
            @JsonAppend.Prop(value = DerivedValues.class, name = "etaSeconds", type = Long.class,
                    include = JsonInclude.Include.ALWAYS)})
    @JsonIgnoreProperties(value = {"fraction", "patientsPerSecond", "etaSeconds"}, allowGetters = true)
    abstract static class JobProgressMixin {
    }

    /** A pool change also says whether a restart is required. */
    @JsonIgnoreProperties(value = "restartRequired", allowGetters = true)
    abstract static class PoolChangeMixin {
        @JsonProperty("restartRequired")
        abstract boolean restartRequired();
    }

    /** A workflow also says whether it finished and whether it succeeded. */
    @JsonIgnoreProperties(value = {"finished", "succeeded"}, allowGetters = true)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    abstract static class WorkflowMixin {
        @JsonProperty("finished")
        abstract boolean finished();

        @JsonProperty("succeeded")
        abstract boolean succeeded();
    }
}
