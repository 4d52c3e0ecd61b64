package dev.qcl.batch;

/**
 * How a launch ended.
 *
 * @param alreadyCompleted the run (same label, same content) had completed before: nothing was done
 * @param failure the one-line reason a run stopped early, or null
 */
public record LaunchResult(long runId, boolean alreadyCompleted, String failure) {}
