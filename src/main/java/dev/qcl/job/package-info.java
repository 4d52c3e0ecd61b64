/**
 * The load job and its Spring Batch parts: the configuration, the factory that builds one run's job, the
 * validating reader, the result writer and the listeners (process marker, HTTP counts, timeline). Uses
 * {@code rows}, {@code prune} and the layers below; never the launcher.
 */
package dev.qcl.job;
