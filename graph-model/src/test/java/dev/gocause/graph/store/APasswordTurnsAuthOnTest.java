package dev.gocause.graph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;

class APasswordTurnsAuthOnTest {

  @Test
  void with_a_password_the_embedded_graph_requires_it_and_wrong_credentials_are_one_line(@TempDir Path home) {
    try (EmbeddedGraphStore store = EmbeddedGraphStore.start(home, "127.0.0.1", 0, "s3cret-Pw")) {
      assertThat(store.session().run("RETURN 1 AS x").single().get("x").asInt()).isEqualTo(1);

      try (Driver anonymous = GraphDatabase.driver(store.boltUri(), AuthTokens.none())) {
        assertThatThrownBy(anonymous::verifyConnectivity).isInstanceOf(AuthenticationException.class);
      }
      assertThatThrownBy(() -> RemoteGraphStore.connect(store.boltUri(), "neo4j", "wrong", "neo4j"))
          .isInstanceOf(GraphUnreachableException.class)
          .hasMessage("Neo4j at " + store.boltUri() + " rejected user 'neo4j' — check NEO4J_USERNAME and NEO4J_PASSWORD");
      try (RemoteGraphStore ok = RemoteGraphStore.connect(store.boltUri(), "neo4j", "s3cret-Pw", "neo4j")) {
        assertThat(ok.session().run("RETURN 2 AS x").single().get("x").asInt()).isEqualTo(2);
      }
    }
  }
}
