package dev.gocause.api;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the OpenAPI 3.0 document from the {@link RouteTable}. Response schemas are derived from
 * the record types the handlers return, so the document describes what is really sent.
 */
final class OpenApi {
  private final Map<String, Object> schemas = new TreeMap<>();
  private final Map<Class<?>, String> names = new java.util.HashMap<>();

  static Map<String, Object> document(List<RouteTable.Route> routes, String version) {
    return new OpenApi().build(routes, version);
  }

  private Map<String, Object> build(List<RouteTable.Route> routes, String version) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.3");
    doc.put("info", Map.of(
        "title", "gocause API",
        "version", version,
        "description", "Diagnose Go concurrency failures from what you see (panics, fatal errors, goroutine dumps, "
            + "race reports, sentences in Chinese or English) and look up the knowledge graph behind the answer."));
    doc.put("servers", List.of(Map.of("url", "/")));
    Map<String, Object> paths = new TreeMap<>();
    for (RouteTable.Route r : routes) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(r.path(), p -> new LinkedHashMap<>());
      item.put(r.method().name().toLowerCase(java.util.Locale.ROOT), operation(r));
    }
    doc.put("paths", paths);
    schemas.put("Problem", problemSchema());
    Map<String, Object> components = new LinkedHashMap<>();
    components.put("schemas", schemas);
    components.put("securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer",
        "description", "Required on /v1/* when the server sets GOCAUSE_API_TOKEN")));
    doc.put("components", components);
    return doc;
  }

  private Map<String, Object> operation(RouteTable.Route r) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("tags", List.of(r.tag()));
    op.put("summary", r.summary());
    if (r.description() != null) {
      op.put("description", r.description());
    }
    op.put("operationId", operationId(r));
    if (!r.params().isEmpty()) {
      op.put("parameters", r.params().stream().map(p -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("in", p.in());
        m.put("required", p.required());
        m.put("description", p.description());
        m.put("schema", Map.of("type", p.type()));
        return m;
      }).toList());
    }
    if (r.body() != null) {
      Map<String, Object> content = new LinkedHashMap<>();
      for (String mt : r.body().mediaTypes()) {
        content.put(mt, Map.of("schema", mt.equals("application/json") && r.body().schema() != null
            ? schemaOf(r.body().schema()) : Map.of("type", "string")));
      }
      op.put("requestBody", Map.of("required", true, "description", r.body().description(), "content", content));
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    for (RouteTable.Response resp : r.responses()) {
      if (resp.pageItem() != null) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("items", Map.of("type", "array", "items", schemaOf(resp.pageItem())));
        props.put("nextCursor", Map.of("type", "string", "nullable", true,
            "description", "pass as 'cursor' to get the next page; absent on the last page"));
        responses.put(String.valueOf(resp.status()), Map.of("description", resp.description(),
            "content", Map.of(resp.mediaType(), Map.of("schema", Map.of("type", "object", "properties", props)))));
      } else {
        Map<String, Object> m = response(resp.description(), resp.mediaType(), resp.schema());
        @SuppressWarnings("unchecked")
        Map<String, Object> existing = (Map<String, Object>) responses.get(String.valueOf(resp.status()));
        if (existing != null && existing.get("content") instanceof Map<?, ?> c1 && m.get("content") instanceof Map<?, ?> c2) {
          // Same status, another media type (e.g. JSON or Markdown by Accept): one response, both contents.
          Map<Object, Object> content = new LinkedHashMap<>(c1);
          content.putAll(c2);
          existing.put("content", content);
          existing.put("description", existing.get("description") + "; " + resp.description());
        } else {
          responses.put(String.valueOf(resp.status()), new LinkedHashMap<>(m));
        }
      }
    }
    if (r.path().startsWith("/v1/")) {
      RouteTable.COMMON_V1.forEach((status, desc) ->
          responses.putIfAbsent(String.valueOf(status), response(desc, Problem.CONTENT_TYPE, Problem.class)));
    }
    op.put("responses", responses);
    if (r.secured()) {
      op.put("security", List.of(Map.of("bearer", List.of())));
    }
    return op;
  }

  private static String operationId(RouteTable.Route r) {
    StringBuilder sb = new StringBuilder(r.method().name().toLowerCase(java.util.Locale.ROOT));
    for (String part : r.path().split("[/{}.-]+")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.toString();
  }

  private Map<String, Object> response(String description, String mediaType, Class<?> schema) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("description", description);
    if (mediaType != null) {
      Object s = schema == null ? Map.of("type", "string")
          : schema == Problem.class ? Map.of("$ref", "#/components/schemas/Problem") : schemaOf(schema);
      m.put("content", Map.of(mediaType, Map.of("schema", s)));
    }
    return m;
  }

  private static Map<String, Object> problemSchema() {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("type", Map.of("type", "string", "description", "URN naming the kind of problem"));
    props.put("title", Map.of("type", "string"));
    props.put("status", Map.of("type", "integer"));
    props.put("detail", Map.of("type", "string", "description", "one line: what is wrong and how to fix it"));
    props.put("instance", Map.of("type", "string"));
    props.put("parameter", Map.of("type", "string", "description", "the offending parameter (invalid-parameter)"));
    props.put("closeMatches", Map.of("type", "array", "items", Map.of("type", "string"),
        "description", "existing ids close to an unknown one (not-found)"));
    return Map.of("type", "object", "required", List.of("type", "title", "status"), "properties", props,
        "additionalProperties", true);
  }

  /** A schema for a Java type: records become named component schemas; others map to JSON types. */
  Map<String, Object> schemaOf(Type type) {
    if (type instanceof ParameterizedType pt) {
      Class<?> raw = (Class<?>) pt.getRawType();
      if (Collection.class.isAssignableFrom(raw)) {
        return Map.of("type", "array", "items", schemaOf(pt.getActualTypeArguments()[0]));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return Map.of("type", "object", "additionalProperties", schemaOf(pt.getActualTypeArguments()[1]));
      }
      if (raw == Optional.class) {
        return schemaOf(pt.getActualTypeArguments()[0]);
      }
      return schemaOf(raw);
    }
    if (!(type instanceof Class<?> c)) {
      return Map.of(); // a type variable: any JSON value
    }
    if (c == String.class || c == Character.class || c.isEnum()) {
      return Map.of("type", "string");
    }
    if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
      return Map.of("type", "integer");
    }
    if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
      return Map.of("type", "number");
    }
    if (c == boolean.class || c == Boolean.class) {
      return Map.of("type", "boolean");
    }
    if (c.isRecord()) {
      // Nested records carry their owner's name (Diagnosis.Evidence -> DiagnosisEvidence), and
      // two classes never share a schema name (query.CommandInfo vs ModelData.CommandInfo).
      String name = names.get(c);
      if (name == null) {
        String base = c.getEnclosingClass() == null ? c.getSimpleName() : c.getEnclosingClass().getSimpleName() + c.getSimpleName();
        name = base;
        for (int i = 2; names.containsValue(name) || name.equals("Problem"); i++) {
          name = base + i;
        }
        names.put(c, name);
        schemas.put(name, Map.of()); // placeholder against recursion
        Map<String, Object> props = new LinkedHashMap<>();
        for (RecordComponent rc : c.getRecordComponents()) {
          if (rc.getAccessor().isAnnotationPresent(com.fasterxml.jackson.annotation.JsonIgnore.class)
              || rc.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonIgnore.class)) {
            continue;
          }
          props.put(rc.getName(), schemaOf(rc.getGenericType()));
        }
        schemas.put(name, Map.of("type", "object", "properties", props));
      }
      return Map.of("$ref", "#/components/schemas/" + name);
    }
    return Map.of("type", "object");
  }
}
