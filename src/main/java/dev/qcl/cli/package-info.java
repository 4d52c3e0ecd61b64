/**
 * The command line: picocli commands, their options and exit codes, and the Spring context each command
 * starts. The top layer: it may use every package below it, and nothing uses it but the entry point.
 */
package dev.qcl.cli;
