package dev.gocause.graph.diagnosis;

import java.nio.file.Files;
import java.nio.file.Path;

/** Test-scope: prints the text rendering of the diagnosis of each file argument (or of the literal text with -t). */
public final class ShowMain {
  public static void main(String[] args) throws Exception {
    try {
      DiagnosisService service = RealKnowledge.service();
      for (int i = 0; i < args.length; i++) {
        String text = args[i].equals("-t") ? args[++i] : Files.readString(Path.of(args[i]));
        System.out.println("=== " + (text.length() > 60 ? text.substring(0, 60) : text).replace('\n', ' '));
        System.out.println(DiagnosisRenderer.text(service.diagnose(new DiagnosisRequest(text, 4, null)), null));
      }
    } catch (Throwable t) {
      t.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }
}
