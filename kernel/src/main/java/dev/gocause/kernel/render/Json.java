package dev.gocause.kernel.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records to plain JSON values (maps, lists, strings, numbers) for {@code application/json}.
 *
 * <p>Records of strings, numbers, booleans, enums, lists, string-keyed maps and other such
 * records (every look-up and diagnosis record) are walked directly, giving what Jackson gives
 * ({@code JsonOfARecordIsWhatJacksonMakesOfItTest} holds the two equal): Jackson's first conversion of a record
 * type introspects it and its nested types, about 0.1 s of CPU in a fresh kernel, the better part
 * of a first {@code %cause} answer. Anything else goes to Jackson whole.
 */
public final class Json {
  private static final class Lazy {
    static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }

  /** A value the direct walk does not shape like Jackson: the whole value goes to Jackson. */
  private static final class NotPlain extends Exception {
    NotPlain() {
      super(null, null, false, false);
    }
  }

  private Json() {}

  public static Object of(Object value) {
    try {
      return plain(value);
    } catch (NotPlain e) {
      return jackson(value);
    }
  }

  /** Jackson's conversion (for tests and values the direct walk leaves to it). */
  static Object jackson(Object value) {
    return Lazy.MAPPER.convertValue(value, Object.class);
  }

  private static Object plain(Object v) throws NotPlain {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
        || v instanceof Double || v instanceof BigInteger || v instanceof BigDecimal) {
      return v;
    }
    if (v instanceof Short s) {
      return s.intValue();
    }
    if (v instanceof Byte b) {
      return b.intValue();
    }
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    if (v instanceof Record r) {
      return record(r);
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      for (Object o : c) {
        out.add(plain(o));
      }
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String k)) {
          throw new NotPlain();
        }
        out.put(k, plain(e.getValue()));
      }
      return out;
    }
    throw new NotPlain();
  }

  /** A record type's components when Jackson writes exactly them (public, no annotations, no bean getters); else none. */
  private static final ClassValue<RecordComponent[]> PLAIN_COMPONENTS = new ClassValue<>() {
    @Override
    protected RecordComponent[] computeValue(Class<?> type) {
      if (!java.lang.reflect.Modifier.isPublic(type.getModifiers()) || hasBeanGetters(type)) {
        return null;
      }
      RecordComponent[] components = type.getRecordComponents();
      for (RecordComponent c : components) {
        if (c.getAnnotations().length > 0 || c.getAccessor().getAnnotations().length > 0) {
          return null;
        }
      }
      return components;
    }
  };

  private static Map<String, Object> record(Record r) throws NotPlain {
    RecordComponent[] components = PLAIN_COMPONENTS.get(r.getClass());
    if (components == null) {
      throw new NotPlain();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (RecordComponent c : components) {
      try {
        out.put(c.getName(), plain(c.getAccessor().invoke(r)));
      } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
        throw new NotPlain();
      }
    }
    return out;
  }

  /** Jackson also writes {@code getX()} / {@code isX()} methods of a record as properties. */
  private static boolean hasBeanGetters(Class<?> type) {
    for (java.lang.reflect.Method m : type.getMethods()) {
      String n = m.getName();
      if (m.getParameterCount() == 0 && m.getDeclaringClass() != Object.class && m.getDeclaringClass() != Record.class
          && ((n.startsWith("get") && n.length() > 3) || (n.startsWith("is") && n.length() > 2))) {
        return true;
      }
    }
    return false;
  }
}
