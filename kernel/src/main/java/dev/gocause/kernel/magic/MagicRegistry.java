package dev.gocause.kernel.magic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Magics by name, in registration order (the order {@code %help} lists them). */
public final class MagicRegistry {
  private final Map<String, Magic> byName = new LinkedHashMap<>();

  public MagicRegistry register(Magic magic) {
    if (byName.putIfAbsent(magic.name(), magic) != null) {
      throw new IllegalArgumentException("magic %" + magic.name() + " is registered twice");
    }
    return this;
  }

  public Optional<Magic> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Collection<Magic> all() {
    return List.copyOf(byName.values());
  }

  /** {@code %name} for line forms and {@code %%name} for cell forms, sorted. */
  public List<String> spellings() {
    List<String> out = new ArrayList<>();
    for (Magic m : byName.values()) {
      if (m.lineForm()) {
        out.add("%" + m.name());
      }
      if (m.cellForm()) {
        out.add("%%" + m.name());
      }
    }
    out.sort(null);
    return out;
  }
}
