import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a staged release directory (target/staging, written by {@code ./mvnw -Prelease deploy}) against what
 * Maven Central requires, and exits non-zero listing every gap.
 *
 * <p>Run: {@code java .ci/StagingCheck.java target/staging [--signed]}. Expected artifacts: every artifact the
 * staged BOM manages, the BOM itself and the parent POMs they inherit from; anything else staged is an error
 * too (samples, benchmarks and tools are not published). For each: a POM with name and description, and url,
 * licenses, scm and developers (directly or from a staged parent); for jar packaging a jar, a sources jar with
 * .java files and a javadoc jar with index.html; for every file .md5 and .sha1 (and .sha256/.sha512 when present)
 * that match; with --signed an .asc signature per file.
 */
public final class StagingCheck {

    private static final String GROUP_PATH = "io/logto/resource";
    private static final Set<String> PARENTS = Set.of(
            "logto-resource-parent", "spring-adapter", "micronaut-adapter-parent", "quarkus-logto-parent");

    private final Path root;
    private final boolean signed;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Element> poms = new TreeMap<>();

    private StagingCheck(Path root, boolean signed) {
        this.root = root;
        this.signed = signed;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java .ci/StagingCheck.java <staging dir> [--signed]");
            System.exit(2);
        }
        StagingCheck check = new StagingCheck(Path.of(args[0]), List.of(args).contains("--signed"));
        check.run();
        if (check.problems.isEmpty()) {
            System.out.println("Staging check: OK (" + check.poms.size() + " artifacts in " + check.root + ")");
        } else {
            System.err.println("Staging check FAILED: " + check.problems.size() + " problem(s)");
            check.problems.forEach(p -> System.err.println("  - " + p));
            System.exit(1);
        }
    }

    private void run() throws Exception {
        Path group = root.resolve(GROUP_PATH);
        if (!Files.isDirectory(group)) {
            problems.add("nothing staged under " + group);
            return;
        }
        Set<String> staged;
        try (Stream<Path> dirs = Files.list(group)) {
            staged = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        }
        for (String artifact : staged) {
            checkArtifact(group.resolve(artifact), artifact);
        }
        Set<String> expected = new LinkedHashSet<>(PARENTS);
        expected.add("logto-resource-bom");
        Element bom = poms.get("logto-resource-bom");
        if (bom != null) {
            for (Element dep : descendants(bom, "dependency")) {
                expected.add(text(dep, "artifactId"));
            }
        }
        for (String artifact : expected) {
            if (!staged.contains(artifact)) {
                problems.add(artifact + ": not staged");
            }
        }
        for (String artifact : staged) {
            if (!expected.contains(artifact)) {
                problems.add(artifact + ": staged but not published (not in the BOM nor a parent)");
            }
        }
        for (Map.Entry<String, Element> e : poms.entrySet()) {
            checkMetadata(e.getKey(), e.getValue());
        }
    }

    private void checkArtifact(Path dir, String artifact) throws Exception {
        List<Path> versions;
        try (Stream<Path> s = Files.list(dir)) {
            versions = s.filter(Files::isDirectory).toList();
        }
        if (versions.size() != 1) {
            problems.add(artifact + ": expected one staged version, found " + versions.size());
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(versions.get(0))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        List<Path> pomFiles = files.stream().filter(f -> name(f).endsWith(".pom")).toList();
        if (pomFiles.isEmpty()) {
            problems.add(artifact + ": no .pom");
            return;
        }
        // a snapshot deployed twice has two timestamps; the newest is what a user resolves
        Path pomFile = pomFiles.get(pomFiles.size() - 1);
        String base = name(pomFile).substring(0, name(pomFile).length() - ".pom".length());
        Element pom = parse(pomFile);
        poms.put(artifact, pom);
        String packaging = text(pom, "packaging");
        List<Path> required = new ArrayList<>(List.of(pomFile));
        if (packaging == null || packaging.equals("jar")) {
            Path jar = pomFile.resolveSibling(base + ".jar");
            Path sources = pomFile.resolveSibling(base + "-sources.jar");
            Path javadoc = pomFile.resolveSibling(base + "-javadoc.jar");
            required.addAll(List.of(jar, sources, javadoc));
            requireEntry(artifact, sources, ".java");
            requireEntry(artifact, javadoc, "index.html");
        } else if (!packaging.equals("pom")) {
            problems.add(artifact + ": unexpected packaging " + packaging);
        }
        for (Path file : required) {
            if (!Files.isRegularFile(file)) {
                problems.add(artifact + ": missing " + name(file));
                continue;
            }
            checkChecksum(artifact, file, "md5", "MD5", true);
            checkChecksum(artifact, file, "sha1", "SHA-1", true);
            checkChecksum(artifact, file, "sha256", "SHA-256", false);
            checkChecksum(artifact, file, "sha512", "SHA-512", false);
            if (signed && !Files.isRegularFile(file.resolveSibling(name(file) + ".asc"))) {
                problems.add(artifact + ": missing signature " + name(file) + ".asc");
            }
        }
    }

    private void checkChecksum(String artifact, Path file, String ext, String algorithm, boolean required)
            throws Exception {
        Path sum = file.resolveSibling(name(file) + "." + ext);
        if (!Files.isRegularFile(sum)) {
            if (required) {
                problems.add(artifact + ": missing " + name(sum));
            }
            return;
        }
        String expected = Files.readString(sum).trim().split("\\s+")[0];
        String actual = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(Files.readAllBytes(file)));
        if (!expected.equalsIgnoreCase(actual)) {
            problems.add(artifact + ": " + name(sum) + " does not match " + name(file));
        }
    }

    private void requireEntry(String artifact, Path jar, String suffix) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.stream().noneMatch(e -> e.getName().endsWith(suffix))) {
                problems.add(artifact + ": " + name(jar) + " has no *" + suffix);
            }
        }
    }

    private void checkMetadata(String artifact, Element pom) {
        for (String own : List.of("name", "description")) {
            if (blank(text(pom, own))) {
                problems.add(artifact + ": POM has no <" + own + ">");
            }
        }
        requireInherited(artifact, pom, "url", p -> text(p, "url"));
        requireInherited(artifact, pom, "licenses", p -> child(p, "licenses") == null ? null
                : text(child(child(p, "licenses"), "license"), "name"));
        requireInherited(artifact, pom, "scm/url", p -> child(p, "scm") == null ? null : text(child(p, "scm"), "url"));
        requireInherited(artifact, pom, "developers", p -> child(p, "developers") == null ? null
                : text(child(child(p, "developers"), "developer"), "name"));
    }

    private void requireInherited(String artifact, Element pom, String what,
            java.util.function.Function<Element, String> read) {
        Element current = pom;
        Set<String> seen = new LinkedHashSet<>();
        while (current != null) {
            if (!blank(read.apply(current))) {
                return;
            }
            Element parent = child(current, "parent");
            String parentId = parent == null ? null : text(parent, "artifactId");
            if (parentId == null || !seen.add(parentId)) {
                break;
            }
            current = poms.get(parentId);
            if (current == null) {
                problems.add(artifact + ": parent " + parentId + " is not staged");
                return;
            }
        }
        problems.add(artifact + ": POM has no <" + what + "> (nor does any parent)");
    }

    private static Element parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        return doc.getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    private static List<Element> descendants(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        var list = parent.getElementsByTagName(name);
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }
}
