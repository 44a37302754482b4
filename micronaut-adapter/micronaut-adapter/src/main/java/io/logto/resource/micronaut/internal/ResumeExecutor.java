package io.logto.resource.micronaut.internal;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.reflect.ClassUtils;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * Where a request that waited for a key fetch resumes: its channel's Netty event loop (or, on another HTTP
 * server, Micronaut's {@code blocking} executor), with the request's propagated context. Without it the
 * security filter, the rules and the controller would run on the core's key-fetch threads, which are few
 * and shared by every request waiting for keys.
 */
@Singleton
final class ResumeExecutor {

    private static final boolean NETTY = ClassUtils.isPresent("io.micronaut.http.server.netty.NettyHttpRequest",
            ResumeExecutor.class.getClassLoader());

    private final BeanProvider<ExecutorService> blocking;

    ResumeExecutor(@Named(TaskExecutors.BLOCKING) BeanProvider<ExecutorService> blocking) {
        this.blocking = blocking;
    }

    /**
     * The executor to resume a request on; call on the thread that handles the request.
     *
     * @param request the request being verified, or null
     * @return an executor running tasks on the request's event loop with the current propagated context
     */
    Executor of(HttpRequest<?> request) {
        Executor loop = NETTY ? NettyLoop.of(request) : null;
        Executor target = loop != null ? loop : blocking.get();
        PropagatedContext context = PropagatedContext.getOrEmpty();
        return task -> target.execute(context.wrap(task));
    }

    /** Loaded only when the Netty server is present. */
    private static final class NettyLoop {

        static Executor of(HttpRequest<?> request) {
            return request instanceof NettyHttpRequest<?> netty ? netty.getChannelHandlerContext().executor() : null;
        }
    }
}
