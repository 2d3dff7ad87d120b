package dev.gocause.kernel;

import dev.gocause.kernel.magic.HelpMagic;
import dev.gocause.kernel.magic.LangMagic;
import dev.gocause.kernel.magic.MagicRegistry;

/** The magics of the gocause kernel, in the order {@code %help} lists them. */
public final class Magics {
  private Magics() {}

  public static MagicRegistry standard() {
    return new MagicRegistry()
        .register(new HelpMagic())
        .register(new LangMagic());
  }
}
