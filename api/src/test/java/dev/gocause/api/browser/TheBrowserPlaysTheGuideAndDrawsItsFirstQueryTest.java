package dev.gocause.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.api.ApiServer;
import dev.gocause.graph.guide.GuideBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium on the real Neo4j Browser served by the API, connected over Bolt to the
 * embedded graph loaded with the real seed-data: opening the API's root lands in the Browser,
 * connected, playing the gocause guide; applying the guide's style and running its first query
 * draws every node that query returns, captioned with Chinese names. Screenshots go to
 * {@code api/target/artifacts/} ({@code browser-guide.png}: guide and result; {@code browser-graph.png}:
 * the result full screen; {@code browser-failure.png} when it fails) with the Browser's console log.
 *
 * <p>Skips when Chromium or chromedriver is missing, unless {@code CI=true}. Paths can be set with
 * {@code GOCAUSE_CHROMIUM} and {@code GOCAUSE_CHROMEDRIVER}; Selenium never downloads anything.
 */
class TheBrowserPlaysTheGuideAndDrawsItsFirstQueryTest {
  static final Duration WAIT = Duration.ofSeconds(90);

  static ApiServer api;
  static WebDriver browser;
  static Path userDataDir;

  @BeforeAll
  static void start() throws Exception {
    File chromium = new File(envOr("GOCAUSE_CHROMIUM", "/usr/bin/chromium"));
    File chromedriver = new File(envOr("GOCAUSE_CHROMEDRIVER", "/usr/bin/chromedriver"));
    boolean present = chromium.canExecute() && chromedriver.canExecute();
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("CI=true but Chromium (" + chromium + ") or chromedriver (" + chromedriver
          + ") is missing: install the Debian packages chromium and chromium-driver");
    }
    Assumptions.assumeTrue(present, "Chromium or chromedriver not installed; skipping the real-browser test");

    api = BrowserTestServer.api();
    userDataDir = Files.createTempDirectory("gocause-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + userDataDir, "--window-size=1500,2000", "--lang=zh-CN");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void opening_the_api_root_connects_plays_the_guide_and_its_first_query_draws_chinese_captioned_nodes() throws Exception {
    Path artifacts = BrowserTestServer.artifacts();
    browser.get(api.baseUrl() + "/");
    WebDriverWait wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(250));
    try {
      // the redirect kept us on the API's origin, in the Browser, with the real Bolt address
      assertThat(browser.getCurrentUrl()).startsWith(api.baseUrl() + "/browser/?connectURL=");

      String knowledgeTitle;
      List<String> dimensionNames;
      long expectedNodes;
      try (Session s = BrowserTestServer.store().session()) {
        knowledgeTitle = s.run("MATCH (k:KnowledgeBase) RETURN k.titleZh AS t").single().get("t").asString();
        dimensionNames = s.run("MATCH (d:Dimension) RETURN d.nameZh AS n ORDER BY n").list(r -> r.get("n").asString());
        expectedNodes = s.run("MATCH (c:RootCause)-[:IN_DIMENSION]->(d:Dimension) "
            + "RETURN count(DISTINCT c) + count(DISTINCT d) AS n").single().get("n").asLong();
      }
      // the carousel shows its runnable blocks before its heading has rendered (seen once in CI): wait for both
      WebElement guide = wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .withMessage(() -> "the guide's first slide never showed the knowledge title '" + knowledgeTitle + "'")
          .until(d -> {
            WebElement g = guideFrame(d);
            return g != null && g.getText().contains(knowledgeTitle) ? g : null;
          });
      assertThat(guide.getText()).contains(knowledgeTitle);
      int slides = new GuideBuilder(BrowserTestServer.store().driver(), BrowserTestServer.store().database()).read()
          .chapters().size() + 6;
      assertThat(guide.getText()).contains("1 / " + slides);

      // the Browser must be connected (over Bolt, by itself) before a query can run
      wait.until(d -> d.getPageSource().contains("Connected to Neo4j"));

      // apply the guide's style (Chinese captions), then run the first runnable query of the first slide
      guide.findElement(By.cssSelector("[data-populate^=':style '] i.fa-play-circle-o")).click();
      wait.until(d -> d.getPageSource().contains("node.RootCause"));
      guide = guideFrame(browser);
      WebElement firstQuery = guide.findElements(By.cssSelector("pre.runnable")).get(0);
      assertThat(firstQuery.getText()).contains("MATCH p=(c:RootCause)-[:IN_DIMENSION]->(d:Dimension)");
      // every node the query returns is drawn; give the layout a moment, then read the captions
      runUntilDrawn(expectedNodes);
      Thread.sleep(2500);
      List<WebElement> nodes = newestGraphFrame().findElements(By.cssSelector("svg g.node"));
      assertThat(nodes).hasSize((int) expectedNodes);
      // a caption is the node's text lines joined; the Browser cuts long ones with an ellipsis
      List<String> captions = nodes.stream().map(n -> n.findElements(By.cssSelector("text")).stream()
          .map(WebElement::getText).collect(Collectors.joining())).toList();
      List<String> missing = new ArrayList<>();
      for (String name : dimensionNames) {
        if (captions.stream().noneMatch(c -> c.equals(name)
            || (c.endsWith("…") && c.length() > 2 && name.startsWith(c.substring(0, c.length() - 1))))) {
          missing.add(name);
        }
      }
      assertThat(missing).as("dimension captions among: %s", captions).isEmpty();
      long chinese = captions.stream().filter(c -> c.matches(".*\\p{IsHan}.*")).count();
      assertThat(chinese).as("captions with Chinese characters among %s", captions).isGreaterThan(expectedNodes / 2);
      Files.write(artifacts.resolve("browser-guide.png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));

      // a close-up for people: the result frame full screen, where the layout has room for the captions
      browser.manage().window().setSize(new Dimension(1600, 1000));
      WebElement graphFrame = newestGraphFrame();
      graphFrame.findElement(By.cssSelector("button[title='Fullscreen']")).click();
      Thread.sleep(1500);
      for (int i = 0; i < 3; i++) {
        graphFrame.findElement(By.cssSelector("button[aria-label='zoom-in']")).click();
        Thread.sleep(500);
      }
      Thread.sleep(1500);
      Files.write(artifacts.resolve("browser-graph.png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
      graphFrame.findElement(By.cssSelector("button[title='Close fullscreen']")).click();

      // the guide pages through all its slides; the last one searches in Chinese
      browser.manage().window().setSize(new Dimension(1500, 2000));
      for (int i = 1; i < slides; i++) {
        guideFrame(browser).findElement(By.cssSelector("button.next-slide:not(.rounded)")).click();
      }
      WebElement last = guideFrame(browser);
      assertThat(last.getText()).contains(slides + " / " + slides, "searchZh");
      assertThat(last.findElements(By.cssSelector("input[value-for]"))).hasSize(1);
      // typing a term there rewrites the search queries below it
      WebElement term = last.findElement(By.cssSelector("input[value-for]"));
      term.clear();
      term.sendKeys("死锁");
      wait.until(d -> guideFrame(d).findElements(By.cssSelector("pre.runnable")).get(0).getText().contains("'死锁'"));
      Files.write(artifacts.resolve("browser-guide-last-slide.png"), guideFrame(browser).getScreenshotAs(OutputType.BYTES));
    } catch (AssertionError | RuntimeException e) {
      try {
        Files.write(artifacts.resolve("browser-failure.png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
      } catch (RuntimeException screenshot) {
        // a hung renderer fails the screenshot too (seen once in a CI trial): keep the first failure the one reported
        e.addSuppressed(screenshot);
      }
      throw e;
    } finally {
      // the Browser's console (network and CORS failures show up there) for whoever reads a failure
      Files.write(artifacts.resolve("browser-console.log"), browser.manage().logs().get(LogType.BROWSER).getAll()
          .stream().map(Object::toString).toList());
    }
  }

  /**
   * Clicks the first query's play icon until its result is drawn. Applying the style inserts a
   * frame above the guide, and a click that lands while the stream is still shifting runs nothing;
   * a real user would simply click again, so the test does too (at most four times). A click the
   * shifting stream intercepts (another frame lies over the icon for a moment, seen in a CI trial)
   * counts as such an attempt.
   */
  static void runUntilDrawn(long expectedNodes) throws InterruptedException {
    final int attempts = 4;
    for (int attempt = 1; ; attempt++) {
      try {
        guideFrame(browser).findElements(By.cssSelector("pre.runnable")).get(0)
            .findElement(By.cssSelector("i.fa-play-circle-o")).click();
      } catch (org.openqa.selenium.ElementClickInterceptedException e) {
        if (attempt == attempts) {
          throw e;
        }
        Thread.sleep(500);
        continue;
      }
      try {
        new WebDriverWait(browser, attempt == attempts ? WAIT : Duration.ofSeconds(20), Duration.ofMillis(250))
            .ignoring(StaleElementReferenceException.class)
            .withMessage(() -> "the first query's graph to show " + expectedNodes + " nodes; frames now: "
                + browser.findElements(By.cssSelector("[data-testid='frame']")).stream()
                    .map(f -> f.getText().replace('\n', ' ')).map(t -> t.length() > 200 ? t.substring(0, 200) : t)
                    .toList())
            .until(d -> {
              WebElement graph = newestGraphFrame();
              return graph != null && graph.findElements(By.cssSelector("svg g.node")).size() >= expectedNodes;
            });
        return;
      } catch (TimeoutException e) {
        if (attempt == attempts) {
          throw e;
        }
      }
    }
  }

  /** The topmost (newest) result frame that draws a graph, or null before one is drawn. */
  static WebElement newestGraphFrame() {
    return browser.findElements(By.cssSelector("[data-testid='frame']")).stream()
        .filter(f -> !f.findElements(By.cssSelector("svg g.node")).isEmpty()).findFirst().orElse(null);
  }

  /** The carousel of the played guide, once its runnable blocks have their play icons. */
  static WebElement guideFrame(WebDriver d) {
    return d.findElements(By.cssSelector("[data-testid='carousel']")).stream()
        .filter(c -> !c.findElements(By.cssSelector("pre.runnable i.fa-play-circle-o")).isEmpty())
        .findFirst().orElse(null);
  }

  private static String envOr(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
