package dev.qcl.settings;

/** A setting that keeps qcl from starting: a missing API key, a bad tenant URL. Exit code 2. */
public final class ConfigurationProblem extends RuntimeException {
    public ConfigurationProblem(String message) {
        super(message);
    }
}
