package dev.qcl.csv;

/** Names the likely encoding of a file that is not UTF-8, from the first bytes of the file. */
final class EncodingGuess {
    private EncodingGuess() {}

    /** A short description, for example {@code probably Windows-1252 / ISO-8859-1}. */
    static String describe(byte[] sample) {
        if (startsWith(sample, 0xFF, 0xFE)) {
            return "UTF-16 LE (it starts with a UTF-16 byte-order mark)";
        }
        if (startsWith(sample, 0xFE, 0xFF)) {
            return "UTF-16 BE (it starts with a UTF-16 byte-order mark)";
        }
        if (startsWith(sample, 'P', 'K', 3, 4)) {
            return "a ZIP file, probably an Excel workbook (.xlsx), not a text CSV";
        }
        if (startsWith(sample, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "an Excel 97-2003 workbook (.xls), not a text CSV";
        }
        int evenNuls = 0;
        int oddNuls = 0;
        int controls = 0;
        for (int i = 0; i < sample.length; i++) {
            int b = sample[i] & 0xFF;
            if (b == 0) {
                if (i % 2 == 0) {
                    evenNuls++;
                } else {
                    oddNuls++;
                }
            } else if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) {
                controls++;
            }
        }
        // UTF-16 text that is mostly ASCII has a NUL in every other byte: the high byte of each character
        int nuls = evenNuls + oddNuls;
        if (nuls * 4 >= sample.length && oddNuls >= 9 * evenNuls) {
            return "UTF-16 LE";
        }
        if (nuls * 4 >= sample.length && evenNuls >= 9 * oddNuls) {
            return "UTF-16 BE";
        }
        if (nuls > 0 || controls * 10 > sample.length) {
            return "binary content, not a text CSV";
        }
        return "probably Windows-1252 / ISO-8859-1";
    }

    private static boolean startsWith(byte[] sample, int... prefix) {
        if (sample.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((sample[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
