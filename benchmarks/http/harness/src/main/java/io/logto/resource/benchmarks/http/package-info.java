/**
 * The HTTP benchmark harness (issue 17): a local Logto-shaped issuer with token pools and probe tokens, a wrk
 * driver that loads each sample and its framework's peer application, and the Markdown report. Run it with
 * {@code benchmarks/http/run.sh}; see benchmarks/README.md, "HTTP benchmarks".
 */
package io.logto.resource.benchmarks.http;
