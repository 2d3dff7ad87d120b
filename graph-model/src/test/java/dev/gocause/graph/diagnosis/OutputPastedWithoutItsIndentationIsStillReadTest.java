package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Some issue trackers, chat tools and web forms strip the leading tabs and spaces of a paste, so
 * Go's location lines ({@code \t/src/x/main.go:14 +0x8c}) start at the margin. Right under a frame
 * or created-by line such a line is still the frame's location. Real Go 1.19 output (seed-data's
 * captured dump and race report) with every line's indentation removed must read as the original.
 */
class OutputPastedWithoutItsIndentationIsStillReadTest {
  private static String captured(String name) throws IOException {
    String text = Files.readString(RealKnowledge.repo().resolve("seed-data/evidence/captured/" + name), StandardCharsets.UTF_8);
    return text.substring(text.indexOf('\n') + 1); // without the capture script's "# captured with" line
  }

  private static String unindented(String text) {
    return text.replaceAll("(?m)^[ \\t]+", "");
  }

  @Test
  void aDumpReadsAsWithItsIndentation() throws IOException {
    ParsedInput plain = GoOutputParser.parse(captured("dump-waitreasons.txt"));
    ParsedInput flat = GoOutputParser.parse(unindented(captured("dump-waitreasons.txt")));
    assertThat(plain.all()).hasSizeGreaterThan(5);
    assertThat(flat.all()).hasSameSizeAs(plain.all());
    for (int i = 0; i < plain.all().size(); i++) {
      assertThat(flat.all().get(i).frames()).isEqualTo(plain.all().get(i).frames());
      assertThat(flat.all().get(i).createdBy()).isEqualTo(plain.all().get(i).createdBy());
    }
    assertThat(flat.messages()).extracting(ParsedInput.MessageLine::text)
        .containsExactlyElementsOf(plain.messages().stream().map(ParsedInput.MessageLine::text).toList());
  }

  @Test
  void aRaceReportReadsAsWithItsIndentation() throws IOException {
    ParsedInput plain = GoOutputParser.parse(captured("race-counter.txt"));
    ParsedInput flat = GoOutputParser.parse(unindented(captured("race-counter.txt")));
    assertThat(plain.races()).hasSize(1);
    assertThat(flat.races()).isEqualTo(plain.races());
  }

  @Test
  void aPathAtTheMarginUnderProseStaysProse() {
    ParsedInput p = GoOutputParser.parse("we changed the timeout here:\n/src/app/config.go:12 +0x1d\n");
    assertThat(p.all()).isEmpty();
    assertThat(p.messages()).hasSize(2);
  }
}
