package io.tideline.bench.store;

/**
 * Bytes an engine's database occupies (the sum of its files' lengths).
 *
 * @param total the whole database directory
 * @param data the part that holds the tables: Derby's {@code seg0/} (its {@code log/} is
 *        recycled and bounded), SQLite's database file
 */
record DiskSize(long total, long data) {
}
