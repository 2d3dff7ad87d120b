package dev.gocause.kernel.magic;

import dev.gocause.kernel.cell.KernelError;
import dev.gocause.graph.query.CauseDetail;
import dev.gocause.graph.query.FixInfo;
import dev.gocause.graph.query.NotFoundException;
import dev.gocause.kernel.render.Output;
import java.util.ArrayList;
import java.util.List;

/** {@code %fix ID}: a fix (code before and after, trade-off), or every fix of a root cause. */
public final class FixMagic extends SimpleMagic {
  public FixMagic() {
    super("fix", "%fix ID",
        "Show a fix with code before and after and its trade-off; given a root-cause id, show all its fixes.",
        "查看修复方案：修复前后的代码与代价；给出根因 id 则列出它的全部修复。",
        List.of("%fix close-of-nil-channel"), ArgKind.FIX, List.of());
  }

  @Override
  public List<Output> run(Invocation inv, Session s) {
    String id = exactly(inv, 1, List.of()).get(0);
    var q = s.lookups();
    if (s.ids(List.of("RootCause")).contains(id)) {
      CauseDetail c = q.cause(id);
      if (c.fixes().isEmpty()) {
        throw new KernelError("root cause " + id + " has no fix in the graph yet", "%cause " + id + " shows what is known");
      }
      List<Output> out = new ArrayList<>();
      for (FixInfo f : c.fixes()) {
        out.add(Cards.fix(q.fix(f.id()), s));
      }
      return out;
    }
    try {
      return List.of(Cards.fix(q.fix(id), s));
    } catch (NotFoundException e) {
      throw new KernelError(e.getMessage(), "give a Fix id or a RootCause id; Tab completes both");
    }
  }
}
