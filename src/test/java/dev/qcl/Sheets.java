package dev.qcl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes input sheets for tests: a header and rows, each cell quoted where RFC 4180 needs it. */
public final class Sheets {
    public static final String S3 = "File_AmazonS3ConnectorV2";
    public static final List<String> S3_HEADER = List.of(
            "qName",
            "dataSourceId",
            "space",
            "spaceName",
            "tags",
            "region",
            "bucketName",
            "accessKey",
            "secretKey",
            "# note");

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    private Sheets(List<String> header) {
        this.header = List.copyOf(header);
    }

    public static Sheets with(List<String> header) {
        return new Sheets(header);
    }

    public static Sheets s3() {
        return new Sheets(S3_HEADER);
    }

    public Sheets row(String... cells) {
        rows.add(Arrays.asList(cells));
        return this;
    }

    /** An S3 row into the named space. */
    public Sheets s3Row(String qName, String spaceName, String region, String secretKey) {
        return row(qName, S3, "", spaceName, "migrated", region, "bucket-" + qName, "AKIA" + qName, secretKey, "");
    }

    public Path write(Path file) {
        StringBuilder text = new StringBuilder(line(header));
        rows.forEach(r -> text.append(line(r)));
        try {
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String line(List<String> cells) {
        return String.join(",", cells.stream().map(Sheets::quoted).toList()) + "\n";
    }

    private static String quoted(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
