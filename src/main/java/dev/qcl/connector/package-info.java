/**
 * The connectors: data sources, the api-specs cache and the validation of input rows against the specs
 * (types, enums, required and secret properties, spaces, near-miss suggestions). Uses only {@code csv};
 * the tenant reaches it through its {@code SpecSource} and {@code SpaceDirectory} interfaces.
 */
package dev.qcl.connector;
