package dev.qcl.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes strict UTF-8 and drops a leading byte-order mark. A malformed sequence or a NUL byte (valid UTF-8,
 * but never in a text CSV: it is the sign of UTF-16 or binary content) fails with {@link NotUtf8Exception},
 * raised only after every good character before it was delivered, so the caller knows the row it is in.
 */
final class StrictUtf8Reader extends Reader {
    static final int SAMPLE_SIZE = 8192;
    private static final int BUFFER_SIZE = 65536;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER_SIZE).flip();
    private byte[] sample;
    private long bufferStart;
    private long nulOffset = -1;
    private boolean endOfInput;
    private boolean finished;
    private boolean atStart = true;
    private NotUtf8Exception failure;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (failure != null) {
                throw failure;
            }
            if (finished) {
                return -1;
            }
            decodeMore();
        }
        int n = Math.min(len, chars.remaining());
        chars.get(target, off, n);
        return n;
    }

    private void decodeMore() throws IOException {
        chars.clear();
        while (chars.position() == 0 && failure == null && !finished) {
            if (!bytes.hasRemaining() && !endOfInput) {
                fill();
            }
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                failure = failureAt(bufferStart + bytes.position(), bytes.get(bytes.position()));
            } else if (result.isUnderflow() && endOfInput) {
                if (nulOffset >= 0) {
                    failure = failureAt(nulOffset, (byte) 0);
                } else {
                    decoder.flush(chars);
                    finished = true;
                }
            } else if (result.isUnderflow()) {
                fill();
            }
        }
        chars.flip();
        if (atStart && chars.hasRemaining()) {
            atStart = false;
            if (chars.get(0) == '\uFEFF') {
                chars.get();
            }
        }
    }

    /** Reads more bytes; a NUL byte ends the input just before it, to fail once the text before it is out. */
    private void fill() throws IOException {
        bufferStart += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
            bytes.flip();
            return;
        }
        int from = bytes.position();
        if (sample == null) {
            sample = Arrays.copyOf(bytes.array(), Math.min(n, SAMPLE_SIZE));
        }
        for (int i = from; i < from + n; i++) {
            if (bytes.array()[i] == 0) {
                nulOffset = bufferStart + i;
                n = i - from;
                endOfInput = true;
                break;
            }
        }
        bytes.position(from + n).flip();
    }

    private NotUtf8Exception failureAt(long offset, byte bad) {
        return new NotUtf8Exception(offset, bad, sample == null ? new byte[0] : sample);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The bytes at {@code offset} are not UTF-8 text; {@code sample} is the start of the file, for a guess. */
    static final class NotUtf8Exception extends IOException {
        final long offset;
        final int badByte;
        final transient byte[] sample;

        NotUtf8Exception(long offset, byte badByte, byte[] sample) {
            super("not UTF-8 at byte offset " + offset);
            this.offset = offset;
            this.badByte = badByte & 0xFF;
            this.sample = sample;
        }
    }
}
