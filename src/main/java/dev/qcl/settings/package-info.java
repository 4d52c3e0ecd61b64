/**
 * Settings and identity: one {@code @ConfigurationProperties} record per concern, the tenant URL, the API
 * key or OAuth client, and the client and api-specs cache they configure ({@link
 * dev.qcl.settings.ClientConfiguration}). Uses {@code qlik} and {@code connector}, never a run or the job.
 */
package dev.qcl.settings;
