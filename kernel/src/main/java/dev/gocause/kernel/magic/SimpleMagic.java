package dev.gocause.kernel.magic;

import dev.gocause.kernel.cell.KernelError;
import java.util.List;

/** Metadata held in fields, so that each magic class is just its behaviour. */
abstract class SimpleMagic implements Magic {
  private final String name;
  private final String usage;
  private final String en;
  private final String zh;
  private final List<String> examples;
  private final ArgKind argKind;
  private final List<String> flags;

  SimpleMagic(String name, String usage, String en, String zh, List<String> examples, ArgKind argKind, List<String> flags) {
    this.name = name;
    this.usage = usage;
    this.en = en;
    this.zh = zh;
    this.examples = examples;
    this.argKind = argKind;
    this.flags = flags;
  }

  @Override public String name() { return name; }

  @Override public String usage() { return usage; }

  @Override public String summaryEn() { return en; }

  @Override public String summaryZh() { return zh; }

  @Override public List<String> examples() { return examples; }

  @Override public ArgKind argKind() { return argKind; }

  @Override public List<String> flags() { return flags; }

  /** Exactly {@code n} positional arguments, else a one-line error with the usage. */
  List<String> exactly(Invocation inv, int n, List<String> valuedFlags) {
    inv.checkFlags(flags());
    List<String> p = inv.positional(valuedFlags);
    if (p.size() != n) {
      throw new KernelError("%" + name + " takes " + n + " argument" + (n == 1 ? "" : "s") + ", got " + p.size(),
          "usage: " + usage + "  e.g. " + examples.get(0));
    }
    return p;
  }
}
