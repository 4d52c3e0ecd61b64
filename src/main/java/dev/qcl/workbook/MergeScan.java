package dev.qcl.workbook;

import java.io.IOException;
import java.io.InputStream;
import org.apache.poi.openxml4j.opc.PackagePart;

/**
 * Whether a sheet's XML may list merged areas, from its bytes alone: most sheets have none, and expanding
 * the bytes costs a tenth of parsing them. Only a filter: where the word {@code mergeCell} occurs (or the
 * XML is not in UTF-8, where the bytes would not show it), {@link Merges} parses the XML to find them.
 */
final class MergeScan {
    private static final byte[] WORD = "mergeCell".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private MergeScan() {}

    static boolean mayHaveMerges(PackagePart part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] buffer = new byte[1 << 16];
            int matched = 0;
            boolean first = true;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (first && n >= 2 && (buffer[0] == 0 || buffer[1] == 0 || (buffer[0] & 0xFF) >= 0xFE)) {
                    return true; // UTF-16 (or UTF-32): let the parser look
                }
                first = first && n == 0;
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    // the word's first letter occurs in it only once, so a mismatch restarts at this byte
                    matched = b == WORD[matched] ? matched + 1 : b == WORD[0] ? 1 : 0;
                    if (matched == WORD.length) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
