package io.iotgate.routing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writers subscribe and unsubscribe on overlapping paths while readers match, as event loops on several
 * cores would. Bounded loops, no sleeps: the test ends when the work ends.
 */
class SubscriptionTrieConcurrencyTest {

    private static final int LIMIT = TopicName.DEFAULT_MAX_BYTES;
    private static final int WRITERS = 4;
    private static final int READERS = 4;
    private static final int ROUNDS = 20_000;

    private static final List<TopicFilter> FILTERS = List.of(
            "a/b/c", "a/b/+", "a/+/c", "a/#", "+/b/#", "#", "a/b/c/d", "a/b", "x/y", "+/+/+", "a/b/c/#")
            .stream().map(f -> TopicFilter.parse(f, LIMIT)).collect(Collectors.toList());
    private static final List<TopicName> TOPICS = List.of("a/b/c", "a/b", "a/b/c/d", "x/y", "a/z/c", "q")
            .stream().map(t -> TopicName.parse(t, LIMIT)).collect(Collectors.toList());

    private final SubscriptionTrie<String> trie = new SubscriptionTrie<>();

    @Test
    void matchersNeverFailNorMissASubscriptionThatStaysWhileWritersChurn() throws Exception {
        // Present for the whole run, deep under paths the writers keep emptying and pruning:
        // every match must find it, or pruning dropped a node still in use.
        TopicFilter steady = TopicFilter.parse("a/b/c", LIMIT);
        trie.subscribe(steady, "steady", 1);
        trie.subscribe(SharedSubscription.parse("$share/g/a/b/c", LIMIT), "steady-member", 1);

        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Void>> work = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int seed = w;
            work.add(() -> churn(start, seed, new Random(seed)));
        }
        for (int r = 0; r < READERS; r++) {
            work.add(() -> matchAll(start, steady));
        }

        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            List<Future<Void>> running = new ArrayList<>();
            work.forEach(task -> running.add(pool.submit(task)));
            start.countDown();
            for (Future<Void> each : running) {
                each.get(60, TimeUnit.SECONDS); // rethrows whatever a thread threw
            }
        } finally {
            pool.shutdownNow();
        }

        // Each writer left one subscription per filter it ended on; check they are exactly what is matched.
        for (TopicName topic : TOPICS) {
            Set<String> expected = new HashSet<>();
            for (int w = 0; w < WRITERS; w++) {
                for (TopicFilter f : FILTERS) {
                    if (f.matches(topic) && keptByWriter(w).contains(f)) {
                        expected.add("writer-" + w);
                    }
                }
            }
            if (steady.matches(topic)) {
                expected.add("steady");
                expected.add("steady-member");
            }
            Set<String> actual = trie.match(topic).stream().map(Recipient::subscriber).collect(Collectors.toSet());
            assertEquals(expected, actual, "topic " + topic);
        }

        for (int w = 0; w < WRITERS; w++) {
            assertEquals(keptByWriter(w).size(), trie.unsubscribeAll("writer-" + w));
        }
        trie.unsubscribeAll("steady");
        trie.unsubscribeAll("steady-member");
        assertTrue(trie.isEmpty(), "churn left no empty node behind");
        assertEquals(0, trie.size());
    }

    /** Random subscribe/unsubscribe rounds, then a known end state: the filters of {@link #keptByWriter}. */
    private Void churn(CountDownLatch start, int w, Random random) throws InterruptedException {
        String writer = "writer-" + w;
        start.await();
        for (int i = 0; i < ROUNDS; i++) {
            TopicFilter filter = FILTERS.get(random.nextInt(FILTERS.size()));
            if (random.nextBoolean()) {
                trie.subscribe(filter, writer, random.nextInt(3));
            } else {
                trie.unsubscribe(filter, writer);
            }
            if (i % 7 == 0) {
                trie.subscribe(SharedSubscription.parse("$share/" + writer + "/" + filter, LIMIT), writer, 0);
                trie.unsubscribe(SharedSubscription.parse("$share/" + writer + "/" + filter, LIMIT), writer);
            }
        }
        trie.unsubscribeAll(writer);
        for (TopicFilter kept : keptByWriter(w)) {
            trie.subscribe(kept, writer, 0);
        }
        return null;
    }

    private Void matchAll(CountDownLatch start, TopicFilter steady) throws InterruptedException {
        start.await();
        for (int i = 0; i < ROUNDS; i++) {
            TopicName topic = TOPICS.get(i % TOPICS.size());
            List<Recipient<String>> got = trie.match(topic);
            long distinctDirect = got.stream().filter(r -> r.shareGroup().isEmpty())
                    .map(Recipient::subscriber).distinct().count();
            long direct = got.stream().filter(r -> r.shareGroup().isEmpty()).count();
            assertEquals(direct, distinctDirect, "each subscriber once");
            if (steady.matches(topic)) {
                Set<String> who = got.stream().map(Recipient::subscriber).collect(Collectors.toSet());
                assertTrue(who.contains("steady") && who.contains("steady-member"), "lost a steady subscription: " + got);
            }
        }
        return null;
    }

    private static List<TopicFilter> keptByWriter(int writer) {
        return FILTERS.subList(writer, writer + 3);
    }
}
