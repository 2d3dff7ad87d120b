package dev.gocause.graph;

/**
 * The one version every face of gocause reports (CLI {@code --version}, the API's OpenAPI document,
 * the kernel's banner): the packaged jar's {@code Implementation-Version}, or {@link #DEVELOPMENT}
 * when running from build folders (tests, IDE).
 */
public final class GocauseVersion {
  public static final String DEVELOPMENT = "development build";

  private GocauseVersion() {}

  public static String current() {
    String v = GocauseVersion.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? DEVELOPMENT : v;
  }
}
