package org.patientgen.engine.export.fhir;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.patientgen.engine.model.Address;
import org.patientgen.engine.model.Demographics;
import org.patientgen.engine.model.PatientRecord;

/**
 * Writes the US Core-shaped Patient resource: identifiers, race/ethnicity/birth-sex extensions,
 * names, contact, address with coordinates, marital status and language.
 */
final class PatientResourceWriter {
    static final String PROFILE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient";
    /** Our own identifier system for medical record numbers: the MRN is the PatientGen patient id. */
    static final String MRN_SYSTEM = "https://patientgen.org/fhir/mrn";
    static final String DRIVERS_LICENSE_SYSTEM = "https://patientgen.org/fhir/drivers-license";
    static final String PASSPORT_SYSTEM = "https://patientgen.org/fhir/passport";

    private static final String SSN_SYSTEM = "http://hl7.org/fhir/sid/us-ssn";
    private static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
    private static final String US_CORE_EXT = "http://hl7.org/fhir/us/core/StructureDefinition/";
    private static final String OMB_RACE_ETHNICITY = "urn:oid:2.16.840.1.113883.6.238";
    private static final String MARITAL_STATUS = "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus";
    private static final String GEOLOCATION = "http://hl7.org/fhir/StructureDefinition/geolocation";
    private static final String BIRTH_PLACE = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace";

    private PatientResourceWriter() {
    }

    static void write(FhirElementWriter w, PatientRecord record) throws IOException {
        Demographics d = record.demographics();
        JsonGenerator g = w.json();
        w.startResource("Patient", d.id(), PROFILE);
        extensions(w, d);
        identifiers(w, d);
        names(g, d);
        if (d.phone() != null) {
            g.writeArrayFieldStart("telecom");
            g.writeStartObject();
            g.writeStringField("system", "phone");
            g.writeStringField("value", d.phone());
            g.writeStringField("use", "home");
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeStringField("gender", d.sex().fhirCode());
        w.date("birthDate", d.birthDate());
        if (!record.alive()) {
            w.dateTime("deceasedDateTime", record.deathTime());
        }
        if (d.address() != null) {
            g.writeArrayFieldStart("address");
            address(w, d.address());
            g.writeEndArray();
        }
        if (d.maritalStatus() != null) {
            g.writeObjectFieldStart("maritalStatus");
            g.writeArrayFieldStart("coding");
            w.codingValue(MARITAL_STATUS, d.maritalStatus().code(), d.maritalStatus().display());
            g.writeEndArray();
            g.writeStringField("text", d.maritalStatus().display());
            g.writeEndObject();
        }
        communication(w, d.language());
        g.writeEndObject();
    }

    private static void extensions(FhirElementWriter w, Demographics d) throws IOException {
        JsonGenerator g = w.json();
        g.writeArrayFieldStart("extension");
        if (d.race() != null) {
            ombExtension(w, "us-core-race", d.race().ombCode(), d.race().display());
        }
        if (d.hispanic()) {
            ombExtension(w, "us-core-ethnicity", "2135-2", "Hispanic or Latino");
        } else {
            ombExtension(w, "us-core-ethnicity", "2186-5", "Not Hispanic or Latino");
        }
        g.writeStartObject();
        g.writeStringField("url", US_CORE_EXT + "us-core-birthsex");
        g.writeStringField("valueCode", d.sex().letter());
        g.writeEndObject();
        if (d.birthPlace() != null && !d.birthPlace().isEmpty()) {
            birthPlace(g, d.birthPlace());
        }
        g.writeEndArray();
    }

    /** The US Core race/ethnicity complex extension: an OMB category coding plus the required text. */
    private static void ombExtension(FhirElementWriter w, String name, String code, String display)
            throws IOException {
        JsonGenerator g = w.json();
        g.writeStartObject();
        g.writeStringField("url", US_CORE_EXT + name);
        g.writeArrayFieldStart("extension");
        g.writeStartObject();
        g.writeStringField("url", "ombCategory");
        g.writeFieldName("valueCoding");
        w.codingValue(OMB_RACE_ETHNICITY, code, display);
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringField("url", "text");
        g.writeStringField("valueString", display);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Birth place as "City, ST" in the model; split so the Address has structured parts. */
    private static void birthPlace(JsonGenerator g, String place) throws IOException {
        g.writeStartObject();
        g.writeStringField("url", BIRTH_PLACE);
        g.writeObjectFieldStart("valueAddress");
        int comma = place.lastIndexOf(',');
        if (comma > 0) {
            g.writeStringField("city", place.substring(0, comma).trim());
            String state = place.substring(comma + 1).trim();
            if (!state.isEmpty()) {
                g.writeStringField("state", state);
            }
        } else {
            g.writeStringField("city", place.trim());
        }
        g.writeStringField("country", "US");
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void identifiers(FhirElementWriter w, Demographics d) throws IOException {
        JsonGenerator g = w.json();
        g.writeArrayFieldStart("identifier");
        identifier(w, "MR", "Medical record number", MRN_SYSTEM, d.id());
        if (d.ssn() != null) {
            identifier(w, "SS", "Social Security number", SSN_SYSTEM, d.ssn());
        }
        if (d.driversLicense() != null) {
            identifier(w, "DL", "Driver's license number", DRIVERS_LICENSE_SYSTEM, d.driversLicense());
        }
        if (d.passport() != null) {
            identifier(w, "PPN", "Passport number", PASSPORT_SYSTEM, d.passport());
        }
        g.writeEndArray();
    }

    private static void identifier(FhirElementWriter w, String type, String typeDisplay, String system, String value)
            throws IOException {
        JsonGenerator g = w.json();
        g.writeStartObject();
        g.writeObjectFieldStart("type");
        g.writeArrayFieldStart("coding");
        w.codingValue(IDENTIFIER_TYPE, type, typeDisplay);
        g.writeEndArray();
        g.writeEndObject();
        g.writeStringField("system", system);
        g.writeStringField("value", value);
        g.writeEndObject();
    }

    private static void names(JsonGenerator g, Demographics d) throws IOException {
        g.writeArrayFieldStart("name");
        name(g, "official", d.lastName(), d);
        if (d.maidenName() != null && !d.maidenName().isEmpty()) {
            name(g, "maiden", d.maidenName(), d);
        }
        g.writeEndArray();
    }

    private static void name(JsonGenerator g, String use, String family, Demographics d) throws IOException {
        g.writeStartObject();
        g.writeStringField("use", use);
        g.writeStringField("family", family);
        g.writeArrayFieldStart("given");
        g.writeString(d.firstName());
        g.writeEndArray();
        // The prefix belongs to the current name only: "Mrs." does not apply to the maiden name.
        if ("official".equals(use) && d.prefix() != null && !d.prefix().isEmpty()) {
            g.writeArrayFieldStart("prefix");
            g.writeString(d.prefix());
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void address(FhirElementWriter w, Address a) throws IOException {
        JsonGenerator g = w.json();
        g.writeStartObject();
        g.writeArrayFieldStart("extension");
        g.writeStartObject();
        g.writeStringField("url", GEOLOCATION);
        g.writeArrayFieldStart("extension");
        g.writeStartObject();
        g.writeStringField("url", "latitude");
        g.writeFieldName("valueDecimal");
        w.number(a.latitude());
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringField("url", "longitude");
        g.writeFieldName("valueDecimal");
        w.number(a.longitude());
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        if (a.line() != null) {
            g.writeArrayFieldStart("line");
            g.writeString(a.line());
            g.writeEndArray();
        }
        stringField(g, "city", a.city());
        stringField(g, "district", a.county());
        stringField(g, "state", a.state());
        stringField(g, "postalCode", a.postalCode());
        g.writeStringField("country", "US");
        g.writeEndObject();
    }

    private static void communication(FhirElementWriter w, String language) throws IOException {
        if (language == null || language.isEmpty()) {
            return;
        }
        JsonGenerator g = w.json();
        g.writeArrayFieldStart("communication");
        g.writeStartObject();
        g.writeObjectFieldStart("language");
        LanguageCode code = LanguageCode.of(language);
        if (code != null) {
            g.writeArrayFieldStart("coding");
            w.codingValue(LanguageCode.SYSTEM, code.tag(), code.display());
            g.writeEndArray();
            g.writeStringField("text", code.display());
        } else {
            // No guessed code: a wrong tag is worse than none, and text alone is valid FHIR.
            g.writeStringField("text", language);
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void stringField(JsonGenerator g, String field, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            g.writeStringField(field, value);
        }
    }
}
