package dev.gocause.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = GocauseCli.class.getPackage().getImplementationVersion();
    return new String[] {"gocause " + (v == null ? "development build" : v)};
  }
}
