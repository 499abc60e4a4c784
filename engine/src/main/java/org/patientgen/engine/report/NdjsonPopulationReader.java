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
 * Reads FHIR R4 bulk NDJSON {@code fhir/Patient.ndjson}, {@code fhir/Condition.ndjson} and, when
 * present, the cause-of-death Observations of {@code fhir/Observation.ndjson}, one resource per
 * line. Uses {@code gender}, {@code birthDate}, {@code deceasedDateTime} / {@code deceasedBoolean};
 * the Condition's SNOMED CT codings, {@code subject}, {@code onsetDateTime} and
 * {@code abatementDateTime}; and the Observation's LOINC 69453-9 code, {@code subject} and
 * {@code valueCodeableConcept}. Only Observation lines that mention 69453-9 are parsed (an NDJSON
 * resource is one line, so this skips the vital signs and labs without missing a cause).
 */
final class NdjsonPopulationReader implements PopulationReader {
    static final String PATIENTS = "fhir/Patient.ndjson";
    static final String CONDITIONS = "fhir/Condition.ndjson";
    static final String OBSERVATIONS = "fhir/Observation.ndjson";
    private static final String LOINC = "http://loinc.org";

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
                "Condition"); Lines observations = Files.isRegularFile(dir.resolve(OBSERVATIONS))
                        ? new Lines(dir, OBSERVATIONS, "Observation") : null) {
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
            }, observations == null ? PatientConditionJoin.RowSource.empty() : () -> cause(observations), sink);
        }
    }

    /** The next cause-of-death Observation, skipping all others. */
    private static PatientConditionJoin.CauseRow cause(Lines lines) throws IOException, ReportInputException {
        JsonNode o;
        while ((o = lines.nextMentioning(DeathCauses.OBSERVATION_CODE)) != null) {
            if (!hasCoding(o.path("code"), LOINC, DeathCauses.OBSERVATION_CODE)) {
                continue;
            }
            String cause = o.path("valueCodeableConcept").path("coding").path(0).path("code").asText("");
            if (cause.isEmpty()) {
                throw lines.error("Cause of Death observation without valueCodeableConcept.coding[0].code");
            }
            return new PatientConditionJoin.CauseRow(patientOf(lines, o, "Observation"), cause, lines.location());
        }
        return null;
    }

    private static boolean hasCoding(JsonNode concept, String system, String code) {
        for (JsonNode coding : concept.path("coding")) {
            if (system.equals(coding.path("system").asText()) && code.equals(coding.path("code").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The id in {@code subject.reference} ({@code Patient/<id>} or {@code urn:uuid:<id>}). */
    private static String patientOf(Lines lines, JsonNode resource, String type) throws ReportInputException {
        String reference = resource.path("subject").path("reference").asText("");
        if (reference.isEmpty()) {
            throw lines.error(type + " without subject.reference");
        }
        return reference.substring(Math.max(reference.lastIndexOf('/'), reference.lastIndexOf(':')) + 1);
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
        String patientId = patientOf(lines, c, "Condition");
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
            return nextMentioning(null);
        }

        /** The next resource whose line contains {@code needle} (every non-blank line when null). */
        JsonNode nextMentioning(String needle) throws IOException, ReportInputException {
            String text;
            do {
                text = reader.readLine();
                line++;
                if (text == null) {
                    return null;
                }
            } while (text.isBlank() || (needle != null && !text.contains(needle)));
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
