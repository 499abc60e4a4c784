package org.patientgen.engine.module;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON node that knows where it is, so every parse error names the file and JSON path.
 * Thin on purpose: typed accessors with error messages a module author can act on.
 */
final class JsonField {
    private final String source;
    private final String path;
    private final JsonNode node;

    JsonField(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    String path() {
        return path;
    }

    String source() {
        return source;
    }

    JsonNode raw() {
        return node;
    }

    ModuleFormatException error(String reason) {
        return new ModuleFormatException(source, path, reason);
    }

    boolean has(String name) {
        JsonNode child = node.get(name);
        return child != null && !child.isNull();
    }

    /** The named child, or an error naming it as missing. */
    JsonField required(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            throw new ModuleFormatException(source, path, "missing required field '" + name + "'");
        }
        return new JsonField(source, path + "." + name, child);
    }

    /** The named child, or null. */
    JsonField optional(String name) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? null : new JsonField(source, path + "." + name, child);
    }

    String text() {
        if (!node.isValueNode()) {
            throw error("expected a string, found " + node.getNodeType().name().toLowerCase());
        }
        return node.asText();
    }

    String requiredText(String name) {
        return required(name).text();
    }

    String optionalText(String name, String fallback) {
        JsonField f = optional(name);
        return f == null ? fallback : f.text();
    }

    double number() {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw error("expected a number, found '" + node.asText() + "'");
    }

    double requiredNumber(String name) {
        return required(name).number();
    }

    double optionalNumber(String name, double fallback) {
        JsonField f = optional(name);
        return f == null ? fallback : f.number();
    }

    boolean optionalBoolean(String name, boolean fallback) {
        JsonField f = optional(name);
        if (f == null) {
            return fallback;
        }
        if (!f.node.isBoolean()) {
            throw f.error("expected true or false, found '" + f.node.asText() + "'");
        }
        return f.node.booleanValue();
    }

    List<JsonField> elements() {
        if (!node.isArray()) {
            throw error("expected an array, found " + node.getNodeType().name().toLowerCase());
        }
        List<JsonField> list = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            list.add(new JsonField(source, path + "[" + i + "]", node.get(i)));
        }
        return list;
    }

    /** Object members in document order. */
    List<Map.Entry<String, JsonField>> members() {
        if (!node.isObject()) {
            throw error("expected an object, found " + node.getNodeType().name().toLowerCase());
        }
        List<Map.Entry<String, JsonField>> list = new ArrayList<>(node.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            list.add(Map.entry(e.getKey(), new JsonField(source, path + "." + e.getKey(), e.getValue())));
        }
        return list;
    }

    /** A scalar as a Java value: Boolean, Double or String (for attribute values). */
    Object scalar() {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            return node.asText();
        }
        throw error("expected a string, number or boolean");
    }
}
