package io.logto.resource.spring.reactive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Where a request continues after a key fetch when its channel's event loop is running or has stopped. */
class ResumeSchedulerTest {

    @Test
    void continuesOnTheChannelsLoopWhileItRuns() throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            CompletableFuture<Boolean> inLoop = new CompletableFuture<>();
            ResumeScheduler.orParallel(loop).execute(() -> inLoop.complete(loop.inEventLoop()));

            assertThat(inLoop.get(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        }
    }

    @Test
    void continuesOnTheParallelSchedulerOnceTheLoopRefusesTasks() throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        Executor resume = ResumeScheduler.orParallel(loop);

        CompletableFuture<String> thread = new CompletableFuture<>();
        resume.execute(() -> thread.complete(Thread.currentThread().getName()));

        assertThat(loop.isShutdown()).isTrue();
        assertThat(thread.get(5, TimeUnit.SECONDS)).startsWith("parallel-");
    }
}
