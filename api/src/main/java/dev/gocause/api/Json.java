package dev.gocause.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one ObjectMapper of the API: nulls omitted, unknown request fields rejected; the knowledge
 * inside answers is written from {@link KnowledgeJsonCache} (serialized by {@link #PLAIN}, the
 * same settings without the cache).
 */
final class Json {
  static final ObjectMapper PLAIN = configure(new ObjectMapper());
  static final ObjectMapper MAPPER = configure(new ObjectMapper()).registerModule(new KnowledgeJsonCache(() -> PLAIN));

  private static ObjectMapper configure(ObjectMapper m) {
    return m.registerModule(new com.fasterxml.jackson.module.blackbird.BlackbirdModule())
        .setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
        .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
  }

  private Json() {}
}
