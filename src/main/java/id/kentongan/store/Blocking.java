package id.kentongan.store;

import io.vertx.core.Context;
import io.vertx.core.Future;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The one way a worker thread (the outreach thread, the SMS senders, an admin request's worker) waits for an
 * asynchronous result. It refuses to wait on an event loop: a blocked event loop stalls every dialogue it serves, so
 * that mistake fails loudly at once instead of showing up as latency. An architecture test keeps other waits out.
 */
public final class Blocking {
    private Blocking() {}

    public static <T> T await(Future<T> future) {
        return join(future.toCompletionStage());
    }

    /** At most {@code max}; a TimeoutException (checked) when it is not done by then. */
    public static <T> T await(Future<T> future, java.time.Duration max) throws java.util.concurrent.TimeoutException {
        refuseOnEventLoop();
        try {
            return future.toCompletionStage().toCompletableFuture().get(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    public static <T> T join(CompletionStage<T> stage) {
        refuseOnEventLoop();
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    static void refuseOnEventLoop() {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("a blocking wait on the event loop thread " + Thread.currentThread().getName());
        }
    }
}
