package dev.gocause.kernel.magic;

import dev.gocause.kernel.render.Output;
import java.util.List;

/** {@code %cause ID}: a root cause with its mechanism, symptoms, commands, fixes and cases. */
public final class CauseMagic extends SimpleMagic {
  public CauseMagic() {
    super("cause", "%cause ID",
        "Show a root cause: mechanism, the symptoms pointing to it, commands to confirm it, fixes, cases; drawn.",
        "查看根因：机制、指向它的症状、确认命令、修复与案例，并附图。",
        List.of("%cause close-of-nil-channel", "%cause waitgroup-add-inside-goroutine"), ArgKind.ROOT_CAUSE, List.of());
  }

  @Override
  public List<Output> run(Invocation inv, Session s) {
    String id = exactly(inv, 1, List.of()).get(0);
    return Cards.cause(s.lookups().cause(id), s);
  }
}
