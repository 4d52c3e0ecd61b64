package dev.qcl.launch;

/**
 * How a launch ended.
 *
 * @param continued the call continued an earlier run of its label's series that had not completed
 * @param failure the one-line reason a run stopped early, or null
 */
public record LaunchResult(long runId, boolean continued, String failure) {}
