package dev.gocause.sim.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The cases listed in {@code seed-data/cases/cases.yaml}, as the reference tests need them. */
final class CaseCatalog {

    /** One Case entry; {@code fixedVariant} is empty on fixed cases. */
    record Case(String id, String file, String variant, RealGo.Outcome expected, String fixedVariant,
                List<String> demonstrates, List<String> exhibits) {
        boolean buggy() {
            return variant.equals("buggy");
        }
    }

    private CaseCatalog() {
    }

    /** {@code seed-data/cases} of this checkout: from {@code -Dgocause.repo}, else searched upwards from the working directory. */
    static Path casesDir() {
        String repo = System.getProperty("gocause.repo");
        if (repo != null) {
            Path p = Path.of(repo, "seed-data", "cases");
            if (Files.isRegularFile(p.resolve("cases.yaml"))) {
                return p;
            }
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve("seed-data").resolve("cases");
            if (Files.isRegularFile(p.resolve("cases.yaml"))) {
                return p;
            }
        }
        throw new IllegalStateException("seed-data/cases/cases.yaml not found above " + Path.of("").toAbsolutePath()
                + "; run from the repository or pass -Dgocause.repo=<checkout>");
    }

    static List<Case> load() {
        Path yaml = casesDir().resolve("cases.yaml");
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + yaml, e);
        }
        JsonNode list = root.path("cases");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalStateException(yaml + ": top-level key 'cases' must be a non-empty list");
        }
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String where = yaml.getFileName() + ": cases[" + i + "]";
            cases.add(new Case(text(n, "id", where), text(n, "file", where), text(n, "variant", where),
                    RealGo.Outcome.ofLabel(text(n, "expectedOutcome", where)),
                    n.path("fixedVariant").asText(""), strings(n.path("demonstrates")), strings(n.path("exhibits"))));
        }
        return List.copyOf(cases);
    }

    /**
     * The forcing variants of a buggy program: {@code <dir>/reference/<stem>_forced*.go}
     * (e.g. {@code buggy_forced.go}, {@code buggy_forced_race.go}), sorted by name.
     */
    static List<Path> forcingVariants(Path program) {
        String stem = program.getFileName().toString().replaceAll("\\.go$", "");
        Path dir = program.resolveSibling("reference");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(stem + "_forced") && n.endsWith(".go");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new IllegalStateException(where + ": field '" + field + "' is missing or empty");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(e -> out.add(e.asText()));
        return out;
    }
}
