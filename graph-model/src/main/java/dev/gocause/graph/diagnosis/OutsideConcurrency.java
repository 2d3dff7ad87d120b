package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.Diagnosis.Evidence;
import dev.gocause.graph.diagnosis.Diagnosis.ObservedSymptom;
import java.util.List;

/**
 * Go output that shows something other than a concurrency failure. Two kinds of Symptom (which
 * ones, and the texts that identify them, are seed-data: {@code symptoms-outside.yaml}):
 * <ul>
 *   <li>{@code runtime-corruption}: the runtime says a stack or the heap is corrupt; everything it
 *       printed around that is unreliable, so no cause is given whatever else matched;</li>
 *   <li>{@code no-failure}: a passing test run, a network or port error; no cause is given when
 *       nothing else observed (by Go's output or by the person's words) points to one.</li>
 * </ul>
 * Either way the answer names what was seen, with the line.
 */
final class OutsideConcurrency {

  static final String CORRUPTION = "runtime-corruption";
  static final String NO_FAILURE = "no-failure";
  static final String TEST_FAILURE = "test-failure";

  private OutsideConcurrency() {}

  /** The symptom that rules out a concurrency cause, or null when none does. */
  static ObservedSymptom verdict(DiagnosisModel model, List<ObservedSymptom> observed) {
    ObservedSymptom noFailure = null;
    boolean other = false;
    for (ObservedSymptom s : observed) {
      String kind = s.kind();
      boolean printed = byGo(s);
      if (CORRUPTION.equals(kind) && printed) {
        return s;
      }
      if (NO_FAILURE.equals(kind)) {
        if (printed && noFailure == null) {
          noFailure = s;
        }
      } else if (model.links(s.id()).length > 0 || TEST_FAILURE.equals(kind) && printed) {
        other = true;
      }
    }
    return other ? null : noFailure;
  }

  private static boolean byGo(ObservedSymptom s) {
    List<Evidence> evidence = s.evidence();
    for (int i = 0; i < evidence.size(); i++) { // by index: see DiagnosisEngine.signatures
      if (evidence.get(i).kind().equals("signature")) {
        return true;
      }
    }
    return false;
  }

  /** The answer's message: what was seen, where, and why no cause is given. */
  static String message(String lang, ObservedSymptom s) {
    Evidence e = s.evidence().get(0);
    String line = e.lines().isEmpty() ? "" : String.valueOf(e.lines().get(0));
    boolean corruption = CORRUPTION.equals(s.kind());
    if ("zh".equals(lang)) {
      return "输入是 Go 的输出,显示的是:" + s.nameZh() + (line.isEmpty() ? "" : "(第 " + line + " 行:" + e.text() + ")")
          + (corruption ? ";运行时的这类报告说明栈或堆已损坏,其余打印内容不可信,不给出并发根因。请检查 unsafe、cgo 或升级 Go 版本。"
              : ";其中没有并发故障的迹象,不给出根因。如果程序卡住、数值不对或 goroutine 增长,请贴出 panic、goroutine dump 或 race 报告。");
    }
    return "Input: Go output showing " + lowerFirst(s.nameEn()) + (line.isEmpty() ? "" : " (line " + line + ": " + e.text() + ")")
        + (corruption ? "; with the stack or heap corrupt, nothing else it printed can be trusted, so no concurrency root cause is"
            + " given. Look at unsafe, cgo, or try another Go release."
            : "; nothing in it shows a concurrency failure, so no root cause is given. If it hangs, computes wrong numbers or"
                + " grows goroutines, paste the panic, goroutine dump or race report.");
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
