package io.iotgate.tenancy;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The per-connection judge of a folder's limits, on a clock the test moves by hand. */
class ClientLimitsTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private long now = 1_000 * SECOND;

    private ClientLimits limits(int payloadBytes, int rate, int burst, int subscriptions) {
        return new ClientLimits(new Limits(payloadBytes, 1024, rate, burst, subscriptions, 32), () -> now);
    }

    @Test
    void aPayloadUpToTheLimitPassesAndOneByteMoreDoesNot() {
        ClientLimits judge = limits(1024, 0, 10, 10);
        assertEquals(Optional.empty(), judge.judgePublish(1024));
        assertEquals(Optional.of(LimitBreach.PAYLOAD_TOO_LARGE), judge.judgePublish(1025));
    }

    @Test
    void withoutARateEveryPublishPasses() {
        ClientLimits judge = limits(1024, 0, 1, 10);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(Optional.empty(), judge.judgePublish(1));
        }
    }

    @Test
    void theBurstPassesAtOnceThenTheRateRefills() {
        ClientLimits judge = limits(1024, 2, 3, 10);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), judge.judgePublish(1), "burst message " + i);
        }
        assertEquals(Optional.of(LimitBreach.PUBLISH_RATE_EXCEEDED), judge.judgePublish(1));
        now += SECOND / 2; // two a second: one token after half a second
        assertEquals(Optional.empty(), judge.judgePublish(1));
        assertEquals(Optional.of(LimitBreach.PUBLISH_RATE_EXCEEDED), judge.judgePublish(1));
        now += 60 * SECOND; // a long pause refills no more than the burst
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), judge.judgePublish(1));
        }
        assertEquals(Optional.of(LimitBreach.PUBLISH_RATE_EXCEEDED), judge.judgePublish(1));
    }

    @Test
    void anOversizedPublishDoesNotSpendATokenOfTheRate() {
        ClientLimits judge = limits(10, 1, 1, 10);
        assertEquals(Optional.of(LimitBreach.PAYLOAD_TOO_LARGE), judge.judgePublish(11));
        assertEquals(Optional.empty(), judge.judgePublish(10));
    }

    @Test
    void aSessionTakesFiltersUpToItsQuotaAndMayAlwaysReplaceOneItHolds() {
        ClientLimits judge = limits(1024, 0, 1, 2);
        assertEquals(Optional.empty(), judge.judgeSubscription(Set.of(), "a"));
        assertEquals(Optional.empty(), judge.judgeSubscription(Set.of("a"), "b"));
        assertEquals(Optional.of(LimitBreach.SUBSCRIPTION_QUOTA_EXCEEDED), judge.judgeSubscription(Set.of("a", "b"), "c"));
        assertEquals(Optional.empty(), judge.judgeSubscription(Set.of("a", "b"), "a"));
    }
}
