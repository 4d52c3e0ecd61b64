package dev.qcl.job;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A disk that fills up, for H2 database files: {@code jdbc:h2:fulldisk:/path/db} is the file database
 * at {@code /path/db}, whose writes fail as a full disk fails them ({@code IOException: No space left on
 * device}) once {@link #fillAfter} bytes more have been written, until {@link #free} is called.
 * Public, because H2 makes one instance per path by reflection.
 */
public final class FullDisk extends FilePathWrapper {
    static final String SCHEME = "fulldisk";
    /** Bytes that may still be written; negative: no limit. */
    private static final AtomicLong ROOM = new AtomicLong(-1);

    static {
        FilePath.register(new FullDisk());
    }

    /** The JDBC URL of the H2 file database at {@code path} on this disk, with qcl's usual settings. */
    static String url(java.nio.file.Path path) {
        return "jdbc:h2:" + SCHEME + ":" + path.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /** From now on, only {@code bytes} more can be written. */
    static void fillAfter(long bytes) {
        ROOM.set(bytes);
    }

    /** Space was freed: writes succeed again. */
    static void free() {
        ROOM.set(-1);
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(super.open(mode));
    }

    private static void take(int bytes) throws IOException {
        long left = ROOM.get();
        if (left >= 0 && ROOM.addAndGet(-bytes) < 0) {
            ROOM.set(0);
            throw new IOException("No space left on device");
        }
    }

    /** The file's channel, with writes that count against the room left. */
    private static final class Channel extends FileBase {
        private final FileChannel base;

        Channel(FileChannel base) {
            this.base = base;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            take(src.remaining());
            return base.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            take(src.remaining());
            return base.write(src, position);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
