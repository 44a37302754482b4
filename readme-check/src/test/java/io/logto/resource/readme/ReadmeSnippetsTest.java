package io.logto.resource.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps README snippets true: a fenced code block preceded by {@code <!-- snippet: path#tag -->} must equal,
 * after removing common indentation, the region between {@code tag::tag[]} and {@code end::tag[]} lines of
 * that file (a test, a sample or a configuration file the build compiles or runs). The root README may
 * not contain code other than shell commands without such a marker.
 */
class ReadmeSnippetsTest {

    private static final Pattern MARKER = Pattern.compile("<!-- snippet: ([^#\\s]+)#([\\w.-]+) -->");
    private static final String DEPENDENCY_MARKER = "<!-- dependency-check -->";
    private static final Pattern COORDINATE = Pattern.compile("<(groupId|artifactId|version)>([^<]+)</\\1>");

    private static Path root() {
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        assertThat(root.resolve("pom.xml")).as("project root").exists();
        return root;
    }

    private static List<Path> readmes(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals("README.md"))
                    .filter(p -> root.relativize(p).toString().split("[/\\\\]").length < 6)
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/")
                            && !p.toString().contains("/node_modules/"))
                    .sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everyMarkedSnippetMatchesItsSource() throws IOException {
        Path root = root();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path readme : readmes(root)) {
            List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher marker = MARKER.matcher(lines.get(i));
                if (!marker.find()) {
                    continue;
                }
                String where = root.relativize(readme) + ":" + (i + 1);
                List<String> block = fencedBlockAfter(lines, i + 1);
                if (block == null) {
                    problems.add(where + ": snippet marker without a fenced code block after it");
                    continue;
                }
                Path source = root.resolve(marker.group(1));
                if (!Files.exists(source)) {
                    problems.add(where + ": " + marker.group(1) + " does not exist");
                    continue;
                }
                List<String> region = region(Files.readAllLines(source, StandardCharsets.UTF_8), marker.group(2));
                if (region == null) {
                    problems.add(where + ": no tag::" + marker.group(2) + "[] ... end::" + marker.group(2) + "[] in " + marker.group(1));
                } else if (!dedent(region).equals(dedent(block))) {
                    problems.add(where + ": differs from " + marker.group(1) + "#" + marker.group(2) + "\n--- README\n"
                            + String.join("\n", dedent(block)) + "\n--- source\n" + String.join("\n", dedent(region)));
                }
                checked++;
            }
        }
        assertThat(problems).as("README snippets out of date").isEmpty();
        assertThat(checked).as("snippets checked").isPositive();
    }

    @Test
    void theRootReadmeShowsOnlyCheckedCodeAndShellCommands() throws IOException {
        List<String> lines = Files.readAllLines(root().resolve("README.md"), StandardCharsets.UTF_8);
        List<String> unchecked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("```") && line.length() > 3 && !line.equals("```bash") && !line.equals("```text")) {
                boolean marked = i > 0 && (MARKER.matcher(lines.get(i - 1)).find()
                        || lines.get(i - 1).strip().equals(DEPENDENCY_MARKER));
                if (!marked) {
                    unchecked.add("README.md:" + (i + 1) + " " + line);
                }
                i = closingFence(lines, i);
            } else if (line.equals("```bash") || line.equals("```text")) {
                i = closingFence(lines, i);
            }
        }
        assertThat(unchecked).as("code blocks in README.md without a snippet marker").isEmpty();
    }

    @Test
    void dependencySnippetsNameArtifactsThisBuildProducesAtItsVersion() throws IOException {
        Path root = root();
        String rootPom = Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher rootCoordinates = COORDINATE.matcher(rootPom.substring(rootPom.indexOf("</parent>") + 1));
        String groupId = null;
        String version = null;
        while (rootCoordinates.find() && (groupId == null || version == null)) {
            if (rootCoordinates.group(1).equals("groupId") && groupId == null) {
                groupId = rootCoordinates.group(2);
            } else if (rootCoordinates.group(1).equals("version") && version == null) {
                version = rootCoordinates.group(2);
            }
        }
        List<String> artifacts;
        try (Stream<Path> poms = Files.walk(root)) {
            artifacts = poms.filter(p -> p.getFileName().toString().equals("pom.xml") && !p.toString().contains("/target/"))
                    .map(ReadmeSnippetsTest::ownArtifactId).collect(Collectors.toList());
        }
        List<String> lines = Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals(DEPENDENCY_MARKER)) {
                continue;
            }
            String block = String.join("\n", fencedBlockAfter(lines, i + 1));
            Matcher coordinates = COORDINATE.matcher(block);
            while (coordinates.find()) {
                String value = coordinates.group(2);
                switch (coordinates.group(1)) {
                    case "groupId" -> { if (!value.equals(groupId)) { problems.add("README.md:" + (i + 1) + " groupId " + value); } }
                    case "version" -> { if (!value.equals(version)) { problems.add("README.md:" + (i + 1) + " version " + value); } }
                    default -> { if (!artifacts.contains(value)) { problems.add("README.md:" + (i + 1) + " no module " + value); } }
                }
            }
            checked++;
        }
        assertThat(problems).as("dependency snippets that name no artifact of this build").isEmpty();
        assertThat(checked).as("dependency snippets checked").isPositive();
    }

    private static String ownArtifactId(Path pom) {
        try {
            String text = Files.readString(pom, StandardCharsets.UTF_8);
            String afterParent = text.contains("</parent>") ? text.substring(text.indexOf("</parent>")) : text;
            Matcher matcher = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(afterParent);
            return matcher.find() ? matcher.group(1) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int closingFence(List<String> lines, int open) {
        for (int j = open + 1; j < lines.size(); j++) {
            if (lines.get(j).strip().equals("```")) {
                return j;
            }
        }
        return lines.size();
    }

    private static List<String> fencedBlockAfter(List<String> lines, int from) {
        int open = from;
        while (open < lines.size() && lines.get(open).isBlank()) {
            open++;
        }
        if (open >= lines.size() || !lines.get(open).strip().startsWith("```")) {
            return null;
        }
        int close = closingFence(lines, open);
        return close >= lines.size() ? null : lines.subList(open + 1, close);
    }

    private static List<String> region(List<String> source, String tag) {
        int start = -1;
        for (int i = 0; i < source.size(); i++) {
            String line = source.get(i);
            if (line.contains("tag::" + tag + "[]")) {
                start = i + 1;
            } else if (line.contains("end::" + tag + "[]") && start >= 0) {
                return source.subList(start, i);
            }
        }
        return null;
    }

    private static List<String> dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing()).collect(Collectors.toList());
    }
}
