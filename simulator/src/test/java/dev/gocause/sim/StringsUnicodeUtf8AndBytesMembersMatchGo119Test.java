package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.vm.Machine;
import org.junit.jupiter.api.Test;

/** strings (Cut, SplitN, LastIndex, EqualFold, Title, TrimFunc, NewReplacer, Builder, ...), unicode, unicode/utf8 and bytes print what Go 1.19 printed. */
class StringsUnicodeUtf8AndBytesMembersMatchGo119Test {

  @Test
  void the_members_program_prints_what_go_printed() {
    Machine m = GoSources.runOnce(GoSources.resource("library/strings_members.go"), "strings_members.go", 1);
    assertThat(m.outcome).as("%s", m.crash).isEqualTo(Machine.Outcome.OK);
    assertThat(m.out.toString()).isEqualTo(GoSources.resource("library/strings_members.out"));
  }

  @Test
  void indexes_are_byte_offsets_as_in_go() {
    Machine m = GoSources.runOnce("package main\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\nfunc main() {\n"
        + "\ts := \"日本語 text\"\n\ti := strings.Index(s, \"text\")\n\tfmt.Println(i, s[i:], strings.LastIndex(s, \"語\"))\n}\n", "b.go", 1);
    assertThat(m.out.toString()).isEqualTo("10 text 6\n");
  }
}
