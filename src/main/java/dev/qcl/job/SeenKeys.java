package dev.qcl.job;

import java.nio.charset.StandardCharsets;

/**
 * The qName + space pairs of the valid rows read so far, and the row each first appeared in.
 * Keys are kept as 64-bit hashes in open-addressing arrays (12 bytes a key) so that a sheet of a
 * million rows fits in a small heap; a false "duplicate" would need two keys to share all 64 bits.
 */
final class SeenKeys {
    private static final long EMPTY = 0L;
    private long[] hashes = new long[1024];
    private int[] rows = new int[1024];
    private int size;

    /** Records {@code key} for {@code row}; returns the earlier row with that key, or 0 if it is new. */
    int putIfAbsent(String qName, String spaceId, int row) {
        long hash = hash(qName, spaceId);
        if (size * 2 >= hashes.length) {
            grow();
        }
        int slot = slot(hash, hashes.length);
        while (hashes[slot] != EMPTY) {
            if (hashes[slot] == hash) {
                return rows[slot];
            }
            slot = (slot + 1) & (hashes.length - 1);
        }
        hashes[slot] = hash;
        rows[slot] = row;
        size++;
        return 0;
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldRows = rows;
        hashes = new long[oldHashes.length * 2];
        rows = new int[oldRows.length * 2];
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != EMPTY) {
                int slot = slot(oldHashes[i], hashes.length);
                while (hashes[slot] != EMPTY) {
                    slot = (slot + 1) & (hashes.length - 1);
                }
                hashes[slot] = oldHashes[i];
                rows[slot] = oldRows[i];
            }
        }
    }

    private static int slot(long hash, int capacity) {
        return (int) (hash ^ (hash >>> 32)) & (capacity - 1);
    }

    /** FNV-1a over the UTF-8 bytes, then a murmur3 finaliser; never 0 (0 marks an empty slot). */
    static long hash(String qName, String spaceId) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (qName + '\u0000' + (spaceId == null ? "" : spaceId)).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }

    @Override
    public String toString() {
        return "SeenKeys[size=" + size + ", capacity=" + hashes.length + "]";
    }
}
