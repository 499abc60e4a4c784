package org.patientgen.engine.export.fhir;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.LocalDate;
import org.patientgen.engine.model.Code;
import org.patientgen.engine.model.Entry;

/**
 * Writes FHIR R4 data types (Coding, CodeableConcept, Reference, Period, dateTime, …) onto a
 * streaming {@link JsonGenerator}. One instance per generator and thread: it owns a scratch char
 * buffer so timestamps and references are written without building Strings.
 */
final class FhirElementWriter {
    private final JsonGenerator g;
    private final ReferenceStyle referenceStyle;
    private char[] scratch = new char[128];

    FhirElementWriter(JsonGenerator g, ReferenceStyle referenceStyle) {
        this.g = g;
        this.referenceStyle = referenceStyle;
    }

    JsonGenerator json() {
        return g;
    }

    ReferenceStyle referenceStyle() {
        return referenceStyle;
    }

    /** Starts a resource object: {@code {"resourceType": type, "id": id, "meta": {"profile": [..]}}}. */
    void startResource(String resourceType, String id, String profile) throws IOException {
        g.writeStartObject();
        g.writeStringField("resourceType", resourceType);
        g.writeStringField("id", id);
        if (profile != null) {
            g.writeObjectFieldStart("meta");
            g.writeArrayFieldStart("profile");
            g.writeString(profile);
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** {@code "field": {"reference": "<style>"}} to {@code resourceType/id}. */
    void reference(String field, String resourceType, String id) throws IOException {
        g.writeFieldName(field);
        referenceValue(resourceType, id);
    }

    /** A Reference object as an array element or after a field name. */
    void referenceValue(String resourceType, String id) throws IOException {
        g.writeStartObject();
        g.writeFieldName("reference");
        referenceString(referenceStyle, resourceType, id);
        g.writeEndObject();
    }

    /** The bare reference string in the given style (also used for Bundle fullUrl / request.url). */
    void referenceString(ReferenceStyle style, String resourceType, String id) throws IOException {
        ensureScratch(ReferenceStyle.MAX_PREFIX + id.length());
        int n = style.write(resourceType, id, scratch);
        g.writeString(scratch, 0, n);
    }

    /** {@code "field": "2024-05-02T09:00:00Z"}. */
    void dateTime(String field, long epochMillis) throws IOException {
        g.writeFieldName(field);
        int n = FhirDateTimeFormat.formatInstant(epochMillis, scratch, 0);
        g.writeString(scratch, 0, n);
    }

    /** {@code "field": "1967-03-14"}. */
    void date(String field, LocalDate date) throws IOException {
        g.writeFieldName(field);
        int n = FhirDateTimeFormat.formatDate(date, scratch, 0);
        g.writeString(scratch, 0, n);
    }

    /** {@code "field": {"start": .., "end": ..}}; no end while the entry is still open. */
    void period(String field, long start, long stop) throws IOException {
        g.writeObjectFieldStart(field);
        dateTime("start", start);
        if (stop != Entry.OPEN) {
            dateTime("end", stop);
        }
        g.writeEndObject();
    }

    /** {@code "field": {"coding": [code], "text": display}}. */
    void codeableConcept(String field, Code code) throws IOException {
        g.writeFieldName(field);
        codeableConceptValue(code);
    }

    /** A CodeableConcept as an array element or after a field name. */
    void codeableConceptValue(Code code) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("coding");
        codingValue(code.system(), code.code(), code.display());
        g.writeEndArray();
        if (!code.display().isEmpty()) {
            g.writeStringField("text", code.display());
        }
        g.writeEndObject();
    }

    /** {@code "field": [CodeableConcept]}, the shape of reasonCode, type, category, … */
    void codeableConceptArray(String field, Code code) throws IOException {
        g.writeArrayFieldStart(field);
        codeableConceptValue(code);
        g.writeEndArray();
    }

    /** A CodeableConcept of one coding from a fixed system, e.g. a status or category. */
    void codedConcept(String field, String system, String code, String display) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeArrayFieldStart("coding");
        codingValue(system, code, display);
        g.writeEndArray();
        g.writeEndObject();
    }

    /** {@code "field": [{"coding": [..]}]}, for the many 0..* category elements. */
    void codedConceptArray(String field, String system, String code, String display) throws IOException {
        g.writeArrayFieldStart(field);
        g.writeStartObject();
        g.writeArrayFieldStart("coding");
        codingValue(system, code, display);
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
    }

    /** A Coding object; display is omitted when null or empty (FHIR forbids empty strings). */
    void codingValue(String system, String code, String display) throws IOException {
        g.writeStartObject();
        g.writeStringField("system", system);
        g.writeStringField("code", code);
        if (display != null && !display.isEmpty()) {
            g.writeStringField("display", display);
        }
        g.writeEndObject();
    }

    /** {@code "field": {"value": v, "unit": u, "system": UCUM, "code": u}}. */
    void quantity(String field, double value, String unit) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeFieldName("value");
        number(value);
        if (unit != null && !unit.isEmpty()) {
            g.writeStringField("unit", unit);
            g.writeStringField("system", Code.UCUM);
            g.writeStringField("code", unit);
        }
        g.writeEndObject();
    }

    /**
     * Writes whole numbers without a fraction ({@code 134}, not {@code 134.0}): shorter, cheaper, and
     * what clinical systems emit; other values use the shortest round-trip form.
     */
    void number(double value) throws IOException {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("FHIR decimals must be finite: " + value);
        }
        long whole = (long) value;
        if (whole == value && Math.abs(whole) < 1L << 53) {
            g.writeNumber(whole);
        } else {
            g.writeNumber(value);
        }
    }

    private void ensureScratch(int length) {
        if (scratch.length < length) {
            scratch = new char[Math.max(length, scratch.length * 2)];
        }
    }
}
