package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * A dump copied out of journald, {@code kubectl logs} or a container runtime's log files has the
 * collector's stamp on every line ({@link LogPrefixes}); read without the stamps it must give what
 * Go's own output gives. The dump is real Go 1.19 output (seed-data's captured SIGQUIT dump); the
 * stamps are written as each tool prints them (syslog and {@code journalctl -o short},
 * {@code journalctl -o short-iso}, the CRI log format of containerd and CRI-O,
 * {@code kubectl logs --prefix}, Go's {@code log} package).
 */
class DumpsCollectedByALogShipperAreReadWithoutTheirStampsTest {
  private static String dump() throws IOException {
    String text = Files.readString(RealKnowledge.repo().resolve("seed-data/evidence/captured/dump-waitreasons.txt"), StandardCharsets.UTF_8);
    return text.substring(text.indexOf('\n') + 1); // without the capture script's "# captured with" line
  }

  private static String stamped(String text, IntFunction<String> stamp) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      out.append(i == lines.length - 1 && lines[i].isEmpty() ? "" : stamp.apply(i)).append(lines[i]);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static void readsAsTheDumpItself(IntFunction<String> stamp) throws IOException {
    ParsedInput plain = GoOutputParser.parse(dump());
    ParsedInput logged = GoOutputParser.parse(stamped(dump(), stamp));
    assertThat(plain.all()).hasSizeGreaterThan(5);
    assertThat(logged.all()).hasSameSizeAs(plain.all());
    for (int i = 0; i < plain.all().size(); i++) {
      ParsedInput.Goroutine p = plain.all().get(i);
      ParsedInput.Goroutine l = logged.all().get(i);
      assertThat(l.id()).isEqualTo(p.id());
      assertThat(l.state()).isEqualTo(p.state());
      assertThat(l.minutes()).isEqualTo(p.minutes());
      assertThat(l.line()).as("lines keep their numbers").isEqualTo(p.line());
      assertThat(l.frames()).isEqualTo(p.frames());
    }
  }

  @Test
  void journalctlsShortFormIsCut() throws IOException {
    readsAsTheDumpItself(i -> String.format("Dec  6 08:15:%02d web-1 orders[4121]: ", i % 60));
  }

  @Test
  void journalctlsShortIsoFormIsCut() throws IOException {
    readsAsTheDumpItself(i -> String.format("2026-12-06T08:15:%02d+0000 web-1 orders[4121]: ", i % 60));
  }

  @Test
  void theContainerRuntimesLogFormatIsCut() throws IOException {
    readsAsTheDumpItself(i -> String.format("2026-12-06T08:15:%02d.%09dZ stderr %s ", i % 60, 1000 * i, i % 7 == 3 ? "P" : "F"));
  }

  @Test
  void kubectlsPodPrefixIsCut() throws IOException {
    readsAsTheDumpItself(i -> "[pod/orders-7d4b9c-x2k/orders] ");
  }

  @Test
  void goLogPackageStampsAreCut() throws IOException {
    readsAsTheDumpItself(i -> String.format("2026/12/06 08:15:%02d ", i % 60));
  }

  @Test
  void anApplicationLoggersLevelAfterTheTimeIsCutWithIt() throws IOException {
    readsAsTheDumpItself(i -> String.format("2026-12-06T08:15:%02d.532Z %s ", i % 60, i < 2 ? "INFO" : "ERROR"));
    readsAsTheDumpItself(i -> String.format("2026-12-06T08:15:%02d.532Z\t%s\t", i % 60, i < 2 ? "INFO" : "ERROR"));
    readsAsTheDumpItself(i -> String.format("2026/12/06 08:15:%02d [error] ", i % 60));
  }

  @Test
  void dockerComposesServicePrefixIsCut() throws IOException {
    readsAsTheDumpItself(i -> "orders-worker-1  | ");
    readsAsTheDumpItself(i -> "orders_api_1 | ");
  }

  @Test
  void aMarkdownQuoteIsCutAtAnyDepthAndWithALogUnderIt() throws IOException {
    readsAsTheDumpItself(i -> "> ");
    readsAsTheDumpItself(i -> "> > ");
    readsAsTheDumpItself(i -> String.format("> 2026-12-06T08:15:%02d.%09dZ stderr F ", i % 60, 1000 * i));
  }

  @Test
  void aDumpQuotedInAnIssueBetweenSentencesIsDiagnosedAsTheDumpItself() {
    String dump = RealKnowledge.read("inputs/real/rw-upgrade.txt");
    String issue = "### What did you see?\n\nThe cache test hangs on CI:\n\n" + stamped(dump, i -> "> ")
        + "\n\nGo 1.19, linux/amd64.\n";
    Diagnosis plain = RealKnowledge.service().diagnose(new DiagnosisRequest(dump, 3, null));
    Diagnosis quoted = RealKnowledge.service().diagnose(new DiagnosisRequest(issue, 3, null));
    assertThat(quoted.causes()).as(quoted.message()).isNotEmpty();
    assertThat(quoted.causes().get(0).id()).as(quoted.message()).isEqualTo(plain.causes().get(0).id());
  }

  @Test
  void goOwnLowerCaseLinesAfterAStampAreNotTakenForALevel() {
    String paste = "2026-12-06T08:15:02.1Z panic: send on closed channel\n"
        + "2026-12-06T08:15:02.2Z \n"
        + "2026-12-06T08:15:02.3Z goroutine 7 [running]:\n";
    assertThat(LogPrefixes.strip(paste)).startsWith("panic: send on closed channel\n");
  }

  @Test
  void aSentenceBeforeTheStampedLinesDoesNotHideThem() {
    String paste = "the pod restarts every hour, this is from kubectl logs:\n"
        + "2026-12-06T08:15:02.000000001Z stderr F panic: send on closed channel\n"
        + "2026-12-06T08:15:02.000000002Z stderr F \n"
        + "2026-12-06T08:15:02.000000003Z stderr F goroutine 7 [running]:\n"
        + "2026-12-06T08:15:02.000000004Z stderr F main.(*Hub).Publish(...)\n"
        + "2026-12-06T08:15:02.000000005Z stderr F \t/src/hub/hub.go:42 +0x65\n";
    ParsedInput p = GoOutputParser.parse(paste);
    assertThat(p.all()).hasSize(1);
    assertThat(p.all().get(0).state()).isEqualTo("running");
    assertThat(p.all().get(0).frames().get(0).where()).isEqualTo("/src/hub/hub.go:42 +0x65");
    Diagnosis d = RealKnowledge.service().diagnose(new DiagnosisRequest(paste, 3, null));
    assertThat(d.causes()).as(d.message()).isNotEmpty();
    assertThat(d.causes().get(0).id()).isEqualTo("send-on-closed-channel");
  }

  @Test
  void textWithoutStampsOneDatedSentenceOrAnApplicationsOwnLogIsLeftAsItIs() {
    for (String text : new String[] {
        "线上服务偶尔卡住,请求一直不返回", "goroutine 1 [chan send]:\nmain.main()\n\t/x/main.go:5 +0x1d\n",
        "2026-12-06 08:15:02 is when the service stopped answering\nnothing in the logs since then",
        "2026-12-06T08:15:02Z INFO  started\n2026-12-06T08:15:09Z ERROR upstream returned 502\n",
        "> the service hangs\n> after a deploy\nany idea?\n"}) {
      assertThat(LogPrefixes.strip(text)).isSameAs(text);
    }
  }
}
