package io.tideline.feed.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The body of one response, read as it streams in and never past a cap: a 2xx body larger than
 * {@code cap} bytes (by its {@code Content-Length}, before a byte is read, or as it arrives) fails
 * with {@link TooLarge}; any other body is kept only up to {@code excerptCap} bytes, enough for an
 * error excerpt, and the rest is not read. One instance per request; {@link #abort} may be called
 * from another thread (the deadline).
 */
final class CappedBody implements HttpResponse.BodyHandler<CappedBody.Bytes> {

    /** The bytes read, {@code bytes[0..length)}; the array may be longer. */
    record Bytes(byte[] bytes, int length) {
    }

    /** A 2xx body longer than the cap. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        final long cap;
        final long declared;

        TooLarge(long cap, long declared) {
            super("response larger than the cap of " + cap + " bytes");
            this.cap = cap;
            this.declared = declared;
        }
    }

    private final long cap;
    private final int excerptCap;
    private final AtomicLong received = new AtomicLong();
    private volatile Reader reader;

    CappedBody(long cap, int excerptCap) {
        this.cap = cap;
        this.excerptCap = excerptCap;
    }

    @Override
    public HttpResponse.BodySubscriber<Bytes> apply(HttpResponse.ResponseInfo info) {
        boolean success = info.statusCode() >= 200 && info.statusCode() < 300;
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
        Reader r = new Reader(success ? cap : excerptCap, success, declared);
        reader = r;
        return r;
    }

    /** Whether the headers arrived (a body is being read or was read). */
    boolean headersArrived() {
        return reader != null;
    }

    /** The body bytes that arrived so far, counted before any was dropped. */
    long received() {
        return received.get();
    }

    /** Stops reading: the subscription is cancelled (closing the connection) and the body fails with {@code why}. */
    void abort(Throwable why) {
        Reader r = reader;
        if (r != null) {
            r.fail(why);
        }
    }

    private final class Reader implements HttpResponse.BodySubscriber<Bytes> {
        private final long limit;
        private final boolean failWhenOver;
        private final long declared;
        private final CompletableFuture<Bytes> result = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;
        private byte[] buffer;
        private int size;

        Reader(long limit, boolean failWhenOver, long declared) {
            this.limit = limit;
            this.failWhenOver = failWhenOver;
            this.declared = declared;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (result.isDone()) {
                s.cancel();
            } else if (failWhenOver && declared > limit) {
                fail(new TooLarge(limit, declared)); // said so in the headers: not a byte is read
            } else {
                // A declared length within the cap sizes the buffer once; otherwise it grows by doubling.
                buffer = new byte[(int) Math.min(declared >= 0 ? declared : 8192, Math.min(limit, 8192 * 1024))];
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                int n = item.remaining();
                received.addAndGet(n);
                if (size + (long) n > limit) {
                    if (failWhenOver) {
                        fail(new TooLarge(limit, declared));
                    } else {
                        append(item, (int) (limit - size));
                        finish();
                    }
                    return;
                }
                append(item, n);
            }
            subscription.request(1);
        }

        private void append(ByteBuffer item, int n) {
            if (size + n > buffer.length) {
                long grown = Math.max((long) buffer.length * 2, (long) size + n);
                buffer = Arrays.copyOf(buffer, (int) Math.min(grown, limit));
            }
            item.get(buffer, size, n);
            size += n;
        }

        private void finish() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            result.complete(new Bytes(buffer, size));
        }

        void fail(Throwable why) {
            if (result.completeExceptionally(why)) {
                Flow.Subscription s = subscription;
                if (s != null) {
                    s.cancel();
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(new Bytes(buffer == null ? new byte[0] : buffer, size));
        }

        @Override
        public CompletionStage<Bytes> getBody() {
            return result;
        }
    }
}
