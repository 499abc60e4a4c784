package org.patientgen.engine.export.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test-side reading of exported JSON: parsing and collecting every Reference.reference value. */
final class FhirJsonTrees {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private FhirJsonTrees() {
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    /** Every {@code "reference"} string anywhere under {@code node}. */
    static List<String> references(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("reference") && field.getValue().isTextual()) {
                    out.add(field.getValue().asText());
                } else {
                    collect(field.getValue(), out);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, out);
            }
        }
    }
}
