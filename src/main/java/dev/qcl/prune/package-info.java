/**
 * Pruning an owned set: which connections of the set no row names, the cap on deletions, and the step
 * that deletes them restartably. Uses {@code rows} (the tenant's spaces) and the layers below it.
 */
package dev.qcl.prune;
