/**
 * qcl's entry point: {@code QclApplication.main} runs the command line and exits with its code. It uses
 * {@code cli} only, and nothing uses it.
 */
package dev.qcl;
