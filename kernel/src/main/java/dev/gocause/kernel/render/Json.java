package dev.gocause.kernel.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Records to plain JSON values (maps, lists, strings, numbers) for {@code application/json}. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Json() {}

  public static Object of(Object value) {
    return MAPPER.convertValue(value, Object.class);
  }
}
