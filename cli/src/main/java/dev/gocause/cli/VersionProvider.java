package dev.gocause.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"gocause " + dev.gocause.graph.GocauseVersion.current()};
  }
}
