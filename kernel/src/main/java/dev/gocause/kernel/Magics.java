package dev.gocause.kernel;

import dev.gocause.kernel.magic.CaseMagic;
import dev.gocause.kernel.magic.CasesMagic;
import dev.gocause.kernel.magic.CauseMagic;
import dev.gocause.kernel.magic.CommandsMagic;
import dev.gocause.kernel.magic.CypherMagic;
import dev.gocause.kernel.magic.DiagnoseMagic;
import dev.gocause.kernel.magic.DimensionMagic;
import dev.gocause.kernel.magic.FixMagic;
import dev.gocause.kernel.magic.GoMagic;
import dev.gocause.kernel.magic.GraphMagic;
import dev.gocause.kernel.magic.HelpMagic;
import dev.gocause.kernel.magic.LangMagic;
import dev.gocause.kernel.magic.MagicRegistry;
import dev.gocause.kernel.magic.PathMagic;
import dev.gocause.kernel.magic.SymptomMagic;

/** The magics of the gocause kernel, in the order {@code %help} lists them. */
public final class Magics {
  private Magics() {}

  public static MagicRegistry standard() {
    return new MagicRegistry()
        .register(new HelpMagic())
        .register(new DiagnoseMagic())
        .register(new SymptomMagic())
        .register(new CauseMagic())
        .register(new FixMagic())
        .register(new DimensionMagic())
        .register(new CommandsMagic())
        .register(new PathMagic())
        .register(new GraphMagic())
        .register(new CypherMagic())
        .register(new CasesMagic())
        .register(new CaseMagic())
        .register(new GoMagic())
        .register(new LangMagic());
  }
}
