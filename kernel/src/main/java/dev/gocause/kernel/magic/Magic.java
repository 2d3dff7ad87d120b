package dev.gocause.kernel.magic;

import dev.gocause.kernel.render.Output;
import java.util.List;

/**
 * One kernel command, written {@code %name args} (line form) or {@code %%name args} followed
 * by a body (cell form). Each magic is one class registered by name in {@link MagicRegistry};
 * {@code %help} lists them from the metadata below, so the help never drifts from the code.
 */
public interface Magic {

  /** The name without percent signs, e.g. {@code cause}. */
  String name();

  /** Whether {@code %name} is accepted. */
  default boolean lineForm() {
    return true;
  }

  /** Whether {@code %%name} (with a body) is accepted. */
  default boolean cellForm() {
    return false;
  }

  /** One usage line, e.g. {@code %graph ID [--depth N]}. */
  String usage();

  String summaryEn();

  String summaryZh();

  /** Complete example invocations, shown by {@code %help} and used by its tests. */
  List<String> examples();

  /** Flags this magic accepts (for completion), e.g. {@code --depth}. */
  default List<String> flags() {
    return List.of();
  }

  /** What the positional arguments are, for completion and inspection. */
  default ArgKind argKind() {
    return ArgKind.NONE;
  }

  /** Runs the magic; outputs are shown in order (the last one is the cell's result). */
  List<Output> run(Invocation invocation, Session session) throws Exception;
}
