/**
 * The home folder as several processes share it: its lock, a shared PostgreSQL job repository, and which
 * process this is. Uses {@code settings} only.
 */
package dev.qcl.home;
