/**
 * The home folder as several processes share it: its lock, a shared PostgreSQL job repository, the lock of
 * a run label that machines sharing a job repository take, and which process this is. Uses {@code settings} only.
 */
package dev.qcl.home;
