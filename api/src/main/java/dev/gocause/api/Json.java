package dev.gocause.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one ObjectMapper of the API: nulls omitted, unknown request fields rejected; diagnosis
 * answers are written by {@link AnswerJson}'s fast writers, whose knowledge values are serialized
 * by {@link #PLAIN} (the same settings without them).
 */
final class Json {
  static final ObjectMapper PLAIN = configure(new ObjectMapper(factory()));
  static final ObjectMapper MAPPER = configure(new ObjectMapper(factory())).registerModule(new AnswerJson(() -> PLAIN));

  /** Scores are doubles: the Schubfach writer prints the same shortest digits for them without Double.toString's cost. */
  private static JsonFactory factory() {
    return JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
  }

  private static ObjectMapper configure(ObjectMapper m) {
    return m.registerModule(new com.fasterxml.jackson.module.blackbird.BlackbirdModule())
        .setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
        .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
  }

  private Json() {}
}
