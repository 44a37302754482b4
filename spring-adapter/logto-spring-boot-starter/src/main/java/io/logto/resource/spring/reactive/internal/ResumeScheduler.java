package io.logto.resource.spring.reactive.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

/**
 * Where a reactive request that waited for a key fetch continues: on Reactor Netty, the event loop of the
 * request's own channel (found through the {@link ServerWebExchange} that Spring Security puts in the Reactor
 * context); elsewhere (another server, no exchange in the context) Reactor's parallel scheduler. Never the core's
 * key-fetch threads, which are few and shared by every request waiting for keys.
 *
 * <p>The channel's own loop matters: Reactor Netty 1.3.6 loses a keep-alive request that arrives while the
 * previous response, written from another thread, is not yet marked complete (reactor-netty#4361), so a response
 * written off the loop could leave the connection's next request unanswered. On its own loop the whole request
 * runs as it does for a cached token, and as Spring's own resource server runs it (its key fetch completes on
 * the same loop).
 */
public final class ResumeScheduler {

    private static final boolean REACTOR_NETTY = ClassUtils.isPresent("reactor.netty.Connection",
            ResumeScheduler.class.getClassLoader());

    private ResumeScheduler() {
    }

    /**
     * The scheduler to continue a request on, read from the subscriber's context.
     *
     * @param context the Reactor context of the request's subscription
     * @return the request channel's event loop on Reactor Netty, else {@link Schedulers#parallel()}
     */
    public static Scheduler of(ContextView context) {
        if (REACTOR_NETTY) {
            Executor loop = context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
                    .map(ReactorNettyLoop::of).orElse(null);
            if (loop != null) {
                return Schedulers.fromExecutor(loop);
            }
        }
        return Schedulers.parallel();
    }

    /** Loaded only when Reactor Netty is present. */
    private static final class ReactorNettyLoop {

        static Executor of(ServerWebExchange exchange) {
            Object nativeRequest;
            try {
                nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
            } catch (IllegalArgumentException notAdapted) {
                return null;
            }
            if (nativeRequest instanceof reactor.netty.Connection connection) {
                return orParallel(connection.channel().eventLoop());
            }
            return null;
        }
    }

    /**
     * Runs tasks on the given loop, or on Reactor's parallel scheduler once the loop refuses them (a server shutting
     * down): the request is still answered, whenever the loop started shutting down.
     *
     * @param loop the channel's event loop
     * @return an executor that never rejects while the parallel scheduler runs
     */
    static Executor orParallel(Executor loop) {
        return task -> {
            try {
                loop.execute(task);
            } catch (RejectedExecutionException shuttingDown) {
                Schedulers.parallel().schedule(task);
            }
        };
    }
}
