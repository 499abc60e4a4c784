package org.patientgen.engine.server.openapi;

import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonObjectFormatVisitor;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patientgen.engine.server.http.Doc;
import org.patientgen.engine.server.http.RouteTable.Route;
import org.patientgen.engine.wire.Problem;

/**
 * The OpenAPI 3 document of the server, built from the {@link org.patientgen.engine.server.http.RouteTable}
 * (paths, methods, roles, parameters, bodies) and from the JSON mapper itself (schemas): a schema
 * lists the properties Jackson actually writes for a type, derived ones included, so the document
 * cannot drift from the wire format.
 */
public final class OpenApiDocument {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    private final ObjectMapper mapper;
    private final ObjectNode schemas;
    private final Map<Class<?>, String> named = new LinkedHashMap<>();

    private OpenApiDocument(ObjectMapper mapper) {
        this.mapper = mapper;
        this.schemas = mapper.createObjectNode();
    }

    /** The document for {@code routes}. */
    public static ObjectNode build(List<Route> routes, ObjectMapper mapper, String version) {
        return new OpenApiDocument(mapper).document(routes, version);
    }

    private ObjectNode document(List<Route> routes, String version) {
        ObjectNode doc = mapper.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "PatientGen server API");
        info.put("version", version);
        info.put("description", "Synthetic patient generation as a service: jobs, schedules, workflows, the"
                + " connection pool, the runtime configuration, metrics, logs and the audit log, and GraphQL at"
                + " /api/v2/graphql. Every endpoint except /health/* needs"
                + " 'Authorization: Bearer <token>'; x-required-role names the least role. Errors are RFC 9457"
                + " application/problem+json.");
        ObjectNode paths = doc.putObject("paths");
        for (Route route : routes) {
            ObjectNode item = paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
            item.set(route.method().name().toLowerCase(Locale.ROOT), operation(route));
        }
        ObjectNode components = doc.putObject("components");
        ObjectNode bearer = components.putObject("securitySchemes").putObject("bearer");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("description", "An API token, pg_ followed by 43 characters (patientgen token create)");
        doc.putArray("security").addObject().putArray("bearer");
        schema(Problem.class);
        components.set("schemas", schemas);
        return doc;
    }

    private ObjectNode operation(Route route) {
        Doc d = route.doc();
        ObjectNode op = mapper.createObjectNode();
        op.putArray("tags").add(d.tag());
        op.put("summary", d.summary());
        op.put("operationId", operationId(route));
        if (route.role() == null) {
            op.putArray("security");
        } else {
            op.put("x-required-role", route.role().name());
        }
        ArrayNode params = op.putArray("parameters");
        Matcher m = PATH_PARAM.matcher(route.path());
        while (m.find()) {
            ObjectNode p = params.addObject();
            p.put("name", m.group(1));
            p.put("in", "path");
            p.put("required", true);
            ObjectNode s = p.putObject("schema");
            s.put("type", "integer");
            s.put("format", "int64");
            s.put("minimum", 1);
        }
        for (Doc.Query q : d.query()) {
            ObjectNode p = params.addObject();
            p.put("name", q.name());
            p.put("in", "query");
            p.put("description", q.description());
            ObjectNode s = q.repeated() ? p.putObject("schema").put("type", "array").putObject("items") : p.putObject("schema");
            switch (q.type()) {
                case "integer":
                    s.put("type", "integer");
                    break;
                case "date-time":
                    s.put("type", "string").put("format", "date-time");
                    break;
                case "duration":
                    s.put("type", "string").put("format", "duration");
                    break;
                default:
                    s.put("type", q.type());
            }
        }
        if (params.isEmpty()) {
            op.remove("parameters");
        }
        if (d.body() != null) {
            ObjectNode body = op.putObject("requestBody");
            body.put("required", !d.bodyOptional());
            body.putObject("content").putObject("application/json").set("schema", schema(d.body()));
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject(Integer.toString(d.status()));
        ok.put("description", d.status() == 204 ? "done, no content" : "success");
        if (d.response() != null) {
            JsonNode schema = d.response() == String.class ? mapper.createObjectNode().put("type", "string")
                    : schema(d.response());
            if (d.list()) {
                ObjectNode array = mapper.createObjectNode().put("type", "array");
                array.set("items", schema);
                schema = array;
            }
            ok.putObject("content").putObject(d.mediaType()).set("schema", schema);
        }
        ObjectNode problem = responses.putObject("default");
        problem.put("description", "an error, as RFC 9457 problem details");
        problem.putObject("content").putObject("application/problem+json").set("schema", schema(Problem.class));
        return op;
    }

    private static String operationId(Route route) {
        StringBuilder b = new StringBuilder(route.method().name().toLowerCase(Locale.ROOT));
        for (String part : route.path().split("[/{}.]+")) {
            if (!part.isEmpty() && !part.equals("api") && !part.equals("v1")) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.toString();
    }

    /** The schema of a Java type: inline for simple values, a {@code $ref} for objects. */
    private JsonNode schema(Class<?> type) {
        return schema(mapper.constructType(type));
    }

    private JsonNode schema(JavaType type) {
        ObjectNode s = mapper.createObjectNode();
        Class<?> raw = type.getRawClass();
        if (raw == String.class || raw == ZoneId.class || raw.getName().equals("java.time.ZoneRegion")) {
            s.put("type", "string");
        } else if (raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class) {
            s.put("type", "integer").put("format", raw == long.class || raw == Long.class ? "int64" : "int32");
        } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            s.put("type", "number");
        } else if (raw == boolean.class || raw == Boolean.class) {
            s.put("type", "boolean");
        } else if (raw == Instant.class || raw == ZonedDateTime.class || raw == OffsetDateTime.class) {
            s.put("type", "string").put("format", "date-time");
        } else if (raw == LocalDate.class) {
            s.put("type", "string").put("format", "date");
        } else if (raw == Duration.class) {
            s.put("type", "string").put("format", "duration");
        } else if (raw == URI.class) {
            s.put("type", "string").put("format", "uri");
        } else if (raw.isEnum()) {
            s.put("type", "string");
            ArrayNode values = s.putArray("enum");
            for (Object c : raw.getEnumConstants()) {
                values.add(c.toString());
            }
        } else if (type.isCollectionLikeType() || type.isArrayType()) {
            s.put("type", "array");
            s.set("items", schema(type.getContentType()));
        } else if (type.isMapLikeType()) {
            s.put("type", "object");
            s.set("additionalProperties", schema(type.getContentType()));
        } else if (JsonNode.class.isAssignableFrom(raw) || raw == Object.class) {
            s.put("description", "any JSON value");
        } else {
            s.put("$ref", "#/components/schemas/" + named(raw));
        }
        return s;
    }

    /** Registers an object type's schema (once) and returns its component name. */
    private String named(Class<?> type) {
        String existing = named.get(type);
        if (existing != null) {
            return existing;
        }
        String name = type.getEnclosingClass() == null ? type.getSimpleName()
                : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
        named.put(type, name);
        ObjectNode s = mapper.createObjectNode().put("type", "object");
        ObjectNode properties = s.putObject("properties");
        Map<String, JavaType> props = properties(mapper.constructType(type));
        schemas.set(name, s);
        props.forEach((property, javaType) -> properties.set(property, schema(javaType)));
        s.put("additionalProperties", false);
        return name;
    }

    /** The properties Jackson writes for {@code type}, in order. */
    private Map<String, JavaType> properties(JavaType type) {
        Map<String, JavaType> props = new LinkedHashMap<>();
        try {
            mapper.acceptJsonFormatVisitor(type, new JsonFormatVisitorWrapper.Base() {
                @Override
                public JsonObjectFormatVisitor expectObjectFormat(JavaType t) {
                    return new JsonObjectFormatVisitor.Base() {
                        @Override
                        public void property(BeanProperty p) {
                            props.put(p.getName(), p.getType());
                        }

                        @Override
                        public void optionalProperty(BeanProperty p) {
                            props.put(p.getName(), p.getType());
                        }
                    };
                }
            });
        } catch (JsonMappingException e) {
            throw new IllegalStateException("cannot describe " + type + " for the OpenAPI document", e);
        }
        return props;
    }
}
