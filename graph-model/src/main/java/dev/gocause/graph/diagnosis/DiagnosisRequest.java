package dev.gocause.graph.diagnosis;

import java.time.Duration;
import java.util.Locale;

/**
 * What to diagnose: the pasted text, how many causes to return at most (1..50, default 5), the
 * preferred language of rendered names ({@code zh}, {@code en}, or null to follow the text), the
 * source files behind the frames, if any (null: none; only files frames name are read), and the
 * wall-clock budget for simulating the code that runs (null: {@link #DEFAULT_SIMULATION_BUDGET};
 * zero: no simulation; at most {@link #MAX_SIMULATION_BUDGET}).
 */
public record DiagnosisRequest(String text, int limit, String lang, SourceFiles sources, Duration simulationBudget) {

  /** What the API gives a simulation when the request and the environment say nothing. */
  public static final Duration DEFAULT_SIMULATION_BUDGET = Duration.ofMillis(300);
  /** Longer budgets are refused: a diagnosis is an answer, not a search (use {@code gocause simulate}). */
  public static final Duration MAX_SIMULATION_BUDGET = Duration.ofSeconds(30);

  public DiagnosisRequest(String text, int limit, String lang) {
    this(text, limit, lang, null, null);
  }

  public DiagnosisRequest(String text, int limit, String lang, SourceFiles sources) {
    this(text, limit, lang, sources, null);
  }

  /** The same request with the source files behind its frames. */
  public DiagnosisRequest withSources(SourceFiles files) {
    return new DiagnosisRequest(text, limit, lang, files, simulationBudget);
  }

  /** The same request with this simulation budget (zero: do not simulate). */
  public DiagnosisRequest withSimulationBudget(Duration budget) {
    return new DiagnosisRequest(text, limit, lang, sources, budget);
  }

  public static final int DEFAULT_LIMIT = 5;
  public static final int MAX_LIMIT = 50;
  /** Pasted text larger than this is refused: 16 MiB of characters is far past any real dump. */
  public static final int MAX_TEXT = 16 * 1024 * 1024;

  public DiagnosisRequest {
    if (text == null) {
      throw new InvalidDiagnosisRequestException("text is missing: paste a panic, a goroutine dump, a race report or describe what you see");
    }
    if (text.length() > MAX_TEXT) {
      throw new InvalidDiagnosisRequestException(
          "text has " + text.length() + " characters; at most " + MAX_TEXT + " are accepted: paste the relevant part");
    }
    if (limit == 0) {
      limit = DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidDiagnosisRequestException("limit is " + limit + "; it must be between 1 and " + MAX_LIMIT);
    }
    if (lang != null && !lang.isBlank()) {
      lang = lang.strip().toLowerCase(Locale.ROOT);
      if (!lang.equals("zh") && !lang.equals("en")) {
        throw new InvalidDiagnosisRequestException("lang is '" + lang + "'; use zh or en (or leave it out)");
      }
    } else {
      lang = null;
    }
    if (simulationBudget == null) {
      simulationBudget = DEFAULT_SIMULATION_BUDGET;
    }
    if (simulationBudget.isNegative() || simulationBudget.compareTo(MAX_SIMULATION_BUDGET) > 0) {
      throw new InvalidDiagnosisRequestException("simulation budget is " + simulationBudget.toMillis() + " ms; it must be between 0 (no simulation) and "
          + MAX_SIMULATION_BUDGET.toMillis() + " ms");
    }
  }

  public static DiagnosisRequest of(String text) {
    return new DiagnosisRequest(text, DEFAULT_LIMIT, null);
  }
}
