/**
 * What the tenant's REST API takes and answers, as records: connections, spaces, data sources, a
 * create request and the outcome of each write. Plain values: uses nothing else of qcl.
 */
package dev.qcl.qlik.api;
