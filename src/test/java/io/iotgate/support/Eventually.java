package io.iotgate.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for something the service does in the background (batched writes) to become visible: asks again
 * until the answer satisfies the condition, and fails with the last answer after a deadline. Only for what
 * must arrive; absence is proven with a sentinel, never by waiting.
 */
public final class Eventually {

    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private Eventually() {
    }

    public static <T> T until(Supplier<T> ask, Predicate<T> done) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        T answer = ask.get();
        while (!done.test(answer)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("still not as expected after " + DEADLINE.toSeconds() + "s: " + answer);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            answer = ask.get();
        }
        return answer;
    }
}
