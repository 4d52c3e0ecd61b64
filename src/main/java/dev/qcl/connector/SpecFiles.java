package dev.qcl.connector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The api-specs cache on disk: one JSON file per data source holding the raw spec, when it was
 * fetched and its connector version. Only what the tenant sent is stored, never anything from rows.
 */
final class SpecFiles {
    private static final Logger log = LoggerFactory.getLogger(SpecFiles.class);
    private static final String SUFFIX = ".json";

    record Entry(String dataSourceId, String connectorVersion, Instant fetchedAt, JsonNode spec) {}

    private final Path dir;
    private final JsonMapper mapper;

    SpecFiles(Path dir, JsonMapper mapper) {
        this.dir = dir;
        this.mapper = mapper;
    }

    /** The cached entry, or empty when there is none or it cannot be read (then it is simply fetched again). */
    Optional<Entry> read(String dataSourceId) {
        return read(fileOf(dataSourceId)).filter(entry -> entry.dataSourceId().equals(dataSourceId));
    }

    List<Entry> readAll() {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            files.forEach(file -> read(file).ifPresent(entries::add));
        } catch (IOException e) {
            log.warn("cannot list the api-specs cache {}: {}", dir, e.getMessage());
        }
        entries.sort(Comparator.comparing(Entry::dataSourceId));
        return entries;
    }

    /** Writes through a temporary file and a move, so a reader never sees half a file. */
    void write(Entry entry) {
        ObjectNode file = mapper.createObjectNode();
        file.put("dataSourceId", entry.dataSourceId());
        file.put("connectorVersion", entry.connectorVersion());
        file.put("fetchedAt", entry.fetchedAt().toString());
        file.set("spec", entry.spec());
        Path target = fileOf(entry.dataSourceId());
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".spec-", ".tmp");
            try {
                Files.writeString(temp, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(file));
                move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            // the cache only saves calls: a run goes on without it
            log.warn("cannot write the api-specs cache file {}: {}", target, e.getMessage());
        }
    }

    void delete(String dataSourceId) {
        try {
            Files.deleteIfExists(fileOf(dataSourceId));
        } catch (IOException e) {
            log.warn("cannot delete the api-specs cache file of {}: {}", dataSourceId, e.getMessage());
        }
    }

    /** Data source IDs are kept readable; characters a file system might refuse are written as %XX. */
    Path fileOf(String dataSourceId) {
        StringBuilder name = new StringBuilder();
        for (byte b : dataSourceId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '-'
                    || (c == '.' && name.length() > 0);
            name.append(plain ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
        }
        return dir.resolve(name + SUFFIX);
    }

    private Optional<Entry> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = mapper.readTree(Files.readString(file));
            JsonNode spec = root.path("spec");
            String id = root.path("dataSourceId").asString("");
            if (id.isBlank() || !spec.isObject()) {
                throw new IllegalStateException("no dataSourceId or spec");
            }
            Instant fetchedAt = Instant.parse(root.path("fetchedAt").asString(""));
            return Optional.of(new Entry(id, root.path("connectorVersion").asString(""), fetchedAt, spec));
        } catch (IOException | JacksonException | DateTimeParseException | IllegalStateException e) {
            log.info(
                    "ignoring the unreadable api-specs cache file {} ({}); it will be fetched again",
                    file,
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
