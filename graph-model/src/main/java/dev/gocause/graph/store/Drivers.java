package dev.gocause.graph.store;

import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Logging;

final class Drivers {
  private Drivers() {}

  static AuthToken auth(String username, String password) {
    return password == null ? AuthTokens.none() : AuthTokens.basic(username, password);
  }

  static Config config() {
    return Config.builder()
        .withLogging(Logging.slf4j())
        .withConnectionTimeout(10, TimeUnit.SECONDS)
        .withUserAgent("gocause")
        .build();
  }
}
