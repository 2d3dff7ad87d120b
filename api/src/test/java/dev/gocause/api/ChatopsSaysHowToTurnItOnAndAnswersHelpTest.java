package dev.gocause.api;

import static dev.gocause.api.ChatopsSlashCommandsTest.form;
import static dev.gocause.api.ChatopsSlashCommandsTest.now;
import static dev.gocause.api.ChatopsSlashCommandsTest.slack;
import static dev.gocause.api.DiagnoseEndpointRanksCausesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /openapi.json lists the chat routes, so a 404 from one that is off says which setting turns it
 * on; and {@code /gocause help}, what people type first in a chat, gets the usage line rather than
 * "nothing points to a known cause".
 */
class ChatopsSaysHowToTurnItOnAndAnswersHelpTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef";
  static final String TOKEN = "mm-token-help";
  static ApiServer on;
  static ApiServer off;

  @BeforeAll
  static void start() {
    on = ApiServer.start(ApiConfig.fromMap(Map.of(ApiConfig.PORT, "0", ApiConfig.SLACK_SIGNING_SECRET, SECRET,
        ApiConfig.MATTERMOST_TOKEN, TOKEN)), TestGraph.store());
    off = ApiServer.start(ApiConfig.defaults().withPort(0), TestGraph.store());
  }

  @AfterAll
  static void stop() {
    on.close();
    off.close();
  }

  @Test
  void a_route_that_is_off_names_the_setting_that_turns_it_on() {
    Http h = new Http(off.baseUrl());
    Http.Res s = slack(h, form("panic: x", "http://127.0.0.1:1/x"), now(), SECRET);
    assertProblem(s, 404, "not-found");
    assertThat(s.json().get("detail").asText())
        .isEqualTo("/v1/chatops/slack is off on this server; it is on when SLACK_SIGNING_SECRET is set where the API runs");
    Http.Res m = h.post("/v1/chatops/mattermost", "application/x-www-form-urlencoded", "text=x", "Authorization", "Token " + TOKEN);
    assertProblem(m, 404, "not-found");
    assertThat(m.json().get("detail").asText()).contains("MATTERMOST_TOKEN");
  }

  @Test
  void slash_gocause_help_gets_the_usage_line_in_slack_and_mattermost() {
    Http h = new Http(on.baseUrl());
    Http.Res s = slack(h, form("help", "http://127.0.0.1:1/x"), now(), SECRET);
    assertThat(s.status()).as(s.body()).isEqualTo(200);
    assertThat(s.json().get("text").asText()).startsWith("Usage: /gocause <a panic");
    Http.Res m = h.post("/v1/chatops/mattermost", "application/x-www-form-urlencoded", "command=%2Fgocause&text=+Help+",
        "Authorization", "Token " + TOKEN);
    assertThat(m.status()).as(m.body()).isEqualTo(200);
    assertThat(m.json().get("text").asText()).contains("Usage: /gocause <a panic");
  }
}
