package dev.gocause.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import dev.gocause.graph.diagnosis.Diagnosis;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Writes the knowledge a ranked cause carries (names, mechanism, dimensions, commands, fixes with
 * their code, cases, corrections) and observed symptoms' names as JSON once per value: they come
 * unchanged from the compiled model and make up most of an answer's bytes, so every later answer
 * copies their UTF-8 instead of escaping the same text again. Keyed by value identity (a new
 * model brings new values); the cache empties itself when it outgrows a few models' worth.
 */
final class KnowledgeJsonCache extends SimpleModule {
  /** Properties whose values come as they are from the compiled model, per answer type. */
  private static final java.util.Map<Class<?>, Set<String>> KNOWLEDGE = java.util.Map.of(
      Diagnosis.RankedCause.class, Set.of("nameZh", "nameEn", "severity", "mechanismZh", "mechanismEn",
          "dimensions", "commands", "fixes", "cases", "corrections"),
      Diagnosis.ObservedSymptom.class, Set.of("nameZh", "nameEn"));
  private static final int MAX_ENTRIES = 5_000;

  private final ConcurrentHashMap<Identity, SerializedString> cache = new ConcurrentHashMap<>();

  KnowledgeJsonCache(Supplier<ObjectMapper> mapper) {
    super("gocause-knowledge-json-cache");
    setSerializerModifier(new BeanSerializerModifier() {
      @Override
      public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
          List<BeanPropertyWriter> properties) {
        Set<String> cached = KNOWLEDGE.getOrDefault(bean.getBeanClass(), Set.of());
        for (BeanPropertyWriter w : properties) {
          if (cached.contains(w.getName())) {
            w.assignSerializer(new Cached(mapper));
          }
        }
        return properties;
      }
    });
  }

  private record Identity(Object value) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Identity i && i.value == value;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(value);
    }
  }

  private final class Cached extends JsonSerializer<Object> {
    private final Supplier<ObjectMapper> mapper;

    Cached(Supplier<ObjectMapper> mapper) {
      this.mapper = mapper;
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      Identity key = new Identity(value);
      SerializedString json = cache.get(key);
      if (json == null) {
        json = new SerializedString(mapper.get().writeValueAsString(value));
        if (cache.size() >= MAX_ENTRIES) {
          cache.clear();
        }
        cache.put(key, json);
      }
      gen.writeRawValue(json);
    }
  }
}
