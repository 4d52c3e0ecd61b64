/** Data sources, the api-specs cache and the validation of input rows against them. */
package dev.qcl.spec;
