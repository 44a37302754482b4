package io.logto.resource.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports the CPU time the benchmark JVM spent per operation ({@code cpu.time.norm},
 * nanoseconds per operation, all threads of the forked JVM including GC) and the share of one core the
 * JVM obtained while measuring ({@code cpu.utilization}).
 *
 * <p>On a machine shared with other work, wall-clock throughput depends on how much CPU the benchmark
 * was given, which changes from trial to trial; CPU time per operation does not, so ratios computed from
 * it stay comparable across trials. Use with {@code -prof io.logto.resource.benchmarks.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private long cpuStart;
    private long wallStart;

    @Override
    public String getDescription() {
        return "process CPU time per operation (all JVM threads)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = processCpuNanos();
        wallStart = System.nanoTime();
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's own signature
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long cpu = processCpuNanos() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        long ops = result.getMetadata().getAllOps();
        return List.of(
                new ScalarResult("cpu.time.norm", ops == 0 ? Double.NaN : cpu / (double) ops, "ns/op",
                        AggregationPolicy.AVG),
                new ScalarResult("cpu.utilization", wall == 0 ? Double.NaN : cpu / (double) wall, "cores",
                        AggregationPolicy.AVG));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
