package org.patientgen.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.function.Consumer;
import org.patientgen.engine.model.Sex;

/**
 * Reads FHIR R4 bulk NDJSON {@code fhir/Patient.ndjson} and {@code fhir/Condition.ndjson}, one
 * resource per line. Uses {@code gender}, {@code birthDate}, {@code deceasedDateTime} /
 * {@code deceasedBoolean}; and the Condition's SNOMED CT codings, {@code subject},
 * {@code onsetDateTime} and {@code abatementDateTime}.
 */
final class NdjsonPopulationReader implements PopulationReader {
    static final String PATIENTS = "fhir/Patient.ndjson";
    static final String CONDITIONS = "fhir/Condition.ndjson";

    private static final String SNOMED = "http://snomed.info/sct";
    /** Clinical statuses meaning "no longer present" even when no abatement date is given. */
    private static final Set<String> ENDED = Set.of("inactive", "resolved", "remission");

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();

    NdjsonPopulationReader(Path dir) {
        this.dir = dir;
    }

    @Override
    public Source source() {
        return Source.FHIR_NDJSON;
    }

    @Override
    public long read(Consumer<PatientFacts> sink) throws IOException, ReportInputException {
        try (Lines patients = new Lines(dir, PATIENTS, "Patient"); Lines conditions = new Lines(dir, CONDITIONS,
                "Condition")) {
            Deque<PatientConditionJoin.ConditionRow> queued = new ArrayDeque<>();
            return PatientConditionJoin.join(() -> patient(patients), () -> {
                while (queued.isEmpty()) {
                    JsonNode c = conditions.next();
                    if (c == null) {
                        return null;
                    }
                    queueConditions(conditions, c, queued);
                }
                return queued.poll();
            }, sink);
        }
    }

    private static PatientConditionJoin.PatientRow patient(Lines lines) throws IOException, ReportInputException {
        JsonNode p = lines.next();
        if (p == null) {
            return null;
        }
        try {
            String gender = p.path("gender").asText("");
            Sex sex = gender.equals("male") ? Sex.MALE : gender.equals("female") ? Sex.FEMALE : null;
            String birth = p.path("birthDate").asText("");
            if (birth.isEmpty() || p.path("id").asText("").isEmpty()) {
                throw lines.error("Patient without id or birthDate");
            }
            JsonNode deathTime = p.get("deceasedDateTime");
            LocalDate death = deathTime == null ? null : ExportDates.day(deathTime.asText());
            boolean deceased = death != null || p.path("deceasedBoolean").asBoolean(false);
            return new PatientConditionJoin.PatientRow(p.get("id").asText(), sex, ExportDates.day(birth), deceased,
                    death);
        } catch (DateTimeParseException e) {
            throw lines.error("bad date: " + e.getParsedString());
        }
    }

    /** Queues one row per SNOMED CT coding of a Condition (codings without a system count as SNOMED). */
    private static void queueConditions(Lines lines, JsonNode c, Deque<PatientConditionJoin.ConditionRow> queue)
            throws ReportInputException {
        String reference = c.path("subject").path("reference").asText("");
        if (reference.isEmpty()) {
            throw lines.error("Condition without subject.reference");
        }
        String patientId = reference.substring(Math.max(reference.lastIndexOf('/'), reference.lastIndexOf(':')) + 1);
        LocalDate onset;
        LocalDate abatement;
        try {
            String onsetText = firstText(c, "onsetDateTime", "recordedDate");
            // no onset at all: present for as long as the record goes back
            onset = onsetText == null ? LocalDate.MIN : ExportDates.day(onsetText);
            String abatementText = firstText(c, "abatementDateTime", null);
            String status = c.path("clinicalStatus").path("coding").path(0).path("code").asText("");
            abatement = abatementText != null ? ExportDates.day(abatementText)
                    // ended at an unknown time: treat as ended at onset, so never active at the end date
                    : ENDED.contains(status) ? onset : null;
        } catch (DateTimeParseException e) {
            throw lines.error("bad date: " + e.getParsedString());
        }
        for (JsonNode coding : c.path("code").path("coding")) {
            String system = coding.path("system").asText(SNOMED);
            String code = coding.path("code").asText("");
            if (system.equals(SNOMED) && !code.isEmpty()) {
                queue.add(new PatientConditionJoin.ConditionRow(patientId,
                        new PatientFacts.ConditionSpan(code, onset, abatement), lines.location()));
            }
        }
    }

    private static String firstText(JsonNode node, String field, String fallback) {
        JsonNode n = node.get(field);
        if (n == null && fallback != null) {
            n = node.get(fallback);
        }
        return n == null || n.isNull() ? null : n.asText();
    }

    /** One NDJSON file read a resource at a time, skipping blank lines. */
    private final class Lines implements AutoCloseable {
        private final String name;
        private final String resourceType;
        private final BufferedReader reader;
        private long line;

        Lines(Path dir, String name, String resourceType) throws IOException {
            this.name = name;
            this.resourceType = resourceType;
            this.reader = Files.newBufferedReader(dir.resolve(name), StandardCharsets.UTF_8);
        }

        JsonNode next() throws IOException, ReportInputException {
            String text;
            do {
                text = reader.readLine();
                line++;
                if (text == null) {
                    return null;
                }
            } while (text.isBlank());
            JsonNode node;
            try {
                node = json.readTree(text);
            } catch (JsonProcessingException e) {
                throw error("not JSON: " + e.getOriginalMessage());
            }
            if (!resourceType.equals(node.path("resourceType").asText())) {
                throw error("expected resourceType " + resourceType + ", found '"
                        + node.path("resourceType").asText() + "'");
            }
            return node;
        }

        String location() {
            return name + " line " + line;
        }

        ReportInputException error(String message) {
            return new ReportInputException(location() + ": " + message);
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
