package dev.gocause.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What a newcomer reads first: {@code ./gocause --help} lists every command with one complete
 * sentence, and each command's help wraps its paragraphs at the screen width, never at the line
 * breaks of the source.
 */
class HelpShowsOneCompleteSentencePerCommandTest {

  /** Every command a user can reach, the root included; hidden ones ({@code kernel run}) are left out. */
  static List<CommandLine> visibleCommands(CommandLine cl) {
    List<CommandLine> all = new ArrayList<>();
    all.add(cl);
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (!sub.getCommandSpec().usageMessage().hidden() && !all.contains(sub)) {
        for (CommandLine c : visibleCommands(sub)) {
          if (!all.contains(c)) all.add(c);
        }
      }
    }
    return all;
  }

  /** The entries under "Commands:" of a usage message, each with its wrapped lines joined. */
  static List<String> commandListEntries(String usage) {
    List<String> entries = new ArrayList<>();
    boolean inList = false;
    for (String line : usage.split("\n")) {
      if (line.equals("Commands:")) {
        inList = true;
      } else if (inList && line.isBlank()) {
        inList = false;
      } else if (inList && line.matches("  \\S.*")) {
        entries.add(line.strip());
      } else if (inList && !entries.isEmpty()) {
        int last = entries.size() - 1;
        entries.set(last, entries.get(last) + " " + line.strip());
      }
    }
    return entries;
  }

  @Test
  void the_command_list_shows_a_complete_sentence_for_every_command() {
    for (CommandLine cl : visibleCommands(GocauseCli.newCommandLine())) {
      for (String entry : commandListEntries(cl.getUsageMessage(CommandLine.Help.Ansi.OFF))) {
        assertThat(entry).as("'%s' in the command list of %s", entry, cl.getCommandSpec().qualifiedName())
            .endsWith(".");
      }
    }
    assertThat(commandListEntries(GocauseCli.newCommandLine().getUsageMessage(CommandLine.Help.Ansi.OFF)))
        .hasSize(8)
        .anySatisfy(e -> assertThat(e).startsWith("up ").contains("REST API"));
  }

  @Test
  void descriptions_are_wrapped_at_the_screen_width_not_at_the_line_breaks_of_the_source() {
    for (CommandLine cl : visibleCommands(GocauseCli.newCommandLine())) {
      if (cl.getCommand() instanceof CommandLine.HelpCommand) continue; // picocli's own text
      int width = cl.getCommandSpec().usageMessage().width();
      String[] lines = cl.getHelp().description().split("\n");
      for (int i = 0; i + 1 < lines.length; i++) {
        String line = lines[i].stripTrailing();
        String next = lines[i + 1].strip();
        if (line.isBlank() || next.isEmpty()) continue;
        String nextWord = next.split(" ")[0];
        assertThat(line.length() + 1 + nextWord.length())
            .as("%s: '%s' is broken before '%s' with room left on the line", cl.getCommandSpec().qualifiedName(), line, nextWord)
            .isGreaterThanOrEqualTo(width);
      }
    }
  }

  @Test
  void examples_in_the_footers_fit_on_one_line_each() {
    for (CommandLine cl : visibleCommands(GocauseCli.newCommandLine())) {
      for (String line : cl.getHelp().footer().split("\n")) {
        if (line.isBlank() || line.equals("Examples:")) continue;
        assertThat(line).as("%s footer line", cl.getCommandSpec().qualifiedName()).startsWith("  ");
      }
    }
  }
}
