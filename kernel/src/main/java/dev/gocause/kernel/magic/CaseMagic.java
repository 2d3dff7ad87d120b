package dev.gocause.kernel.magic;

import dev.gocause.kernel.cell.KernelError;
import dev.gocause.graph.query.CaseInfo;
import dev.gocause.graph.query.CloseMatches;
import dev.gocause.kernel.render.Output;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %case run ID}: runs a seed case under many schedules in the simulator and shows what
 * happened (deadlock, leak, race, panic) against what the case expects.
 */
public final class CaseMagic extends SimpleMagic {
  public CaseMagic() {
    super("case", "%case run ID [--schedules N] [--seed S] [--strategy random|pct|dfs]",
        "Run a case in the simulator under many schedules: findings in Go's own words, replay seed, goroutines over time.",
        "在模拟器中以多种调度运行一个案例：以 Go 原话给出发现、重放种子和 goroutine 数量变化。",
        List.of("%case run close-of-nil-channel-buggy"), ArgKind.CASE, Simulations.FLAGS);
  }

  @Override
  public List<Output> run(Invocation inv, Session s) {
    inv.checkFlags(flags());
    List<String> p = inv.positional(Simulations.FLAGS);
    if (p.size() != 2 || !p.get(0).equals("run")) {
      throw new KernelError("write %case run ID", "e.g. " + examples().get(0) + "; %cases lists the ids");
    }
    String id = p.get(1);
    List<CaseInfo> all = s.graph().queries().cases(null, 200, null).items();
    CaseInfo c = all.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow(() -> {
      List<String> near = CloseMatches.among(id, all.stream().map(CaseInfo::id).toList());
      return new KernelError("no case with id '" + id + "'" + (near.isEmpty() ? "" : "; did you mean: " + String.join(", ", near)),
          "%cases lists the ids; Tab completes them");
    });
    String source = read(c.file());
    List<Output> out = new ArrayList<>(Simulations.render(
        Simulations.run(Simulations.request(source, "/cases/" + c.file(), inv), s), c.expectedOutcome(), s));
    return out;
  }

  static String read(String file) {
    String res = "seed-data/cases/" + file;
    try (InputStream in = CaseMagic.class.getClassLoader().getResourceAsStream(res)) {
      if (in == null) {
        throw new KernelError("the case file " + res + " is not in this kernel's jar", "rebuild the kernel (./gocause kernel install)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new KernelError("cannot read " + res + ": " + e.getMessage(), "rebuild the kernel");
    }
  }
}
