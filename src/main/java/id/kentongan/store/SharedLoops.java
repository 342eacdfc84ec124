package id.kentongan.store;

import io.lettuce.core.resource.EventLoopGroupProvider;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;

import java.util.concurrent.TimeUnit;

/**
 * Lettuce's connections on Vert.x's own event loops instead of I/O threads of Lettuce's: a reply is read, and its
 * future completed, on a loop that serves hops, not on a third thread that then hands every completion over to a loop
 * (a queue offer and, often, a wake-up). The loops belong to Vert.x: Lettuce never shuts them down.
 */
final class SharedLoops implements EventLoopGroupProvider {
    private final EventLoopGroup loops;

    SharedLoops(EventLoopGroup loops) {
        this.loops = loops;
    }

    /** Vert.x's event loops as Netty's group: Vert.x's internal API, read in this one place. */
    static EventLoopGroup of(io.vertx.core.Vertx vertx) {
        return ((io.vertx.core.internal.VertxInternal) vertx).nettyEventLoopGroup();
    }

    @Override
    @SuppressWarnings("unchecked") // Lettuce asks for its transport's group class, and only uses it as an EventLoopGroup
    public <T extends EventLoopGroup> T allocate(Class<T> type) {
        return (T) loops;
    }

    @Override
    public int threadPoolSize() {
        int n = 0;
        for (var ignored : loops) n++;
        return n;
    }

    @Override
    public Future<Boolean> release(EventExecutorGroup group, long quietPeriod, long timeout, TimeUnit unit) {
        return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
    }

    @Override
    public Future<Boolean> shutdown(long quietPeriod, long timeout, TimeUnit unit) {
        return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
    }
}
