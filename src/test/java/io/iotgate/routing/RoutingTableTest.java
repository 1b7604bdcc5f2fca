package io.iotgate.routing;

import io.iotgate.model.Namespace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingTableTest {

    private static final int LIMIT = TopicName.DEFAULT_MAX_BYTES;
    private static final Namespace REGISTRY_1 = Namespace.registry("are1");
    private static final Namespace REGISTRY_2 = Namespace.registry("are2");
    private static final Namespace BROKER_WITH_SAME_ID = Namespace.broker("are1");

    private final RoutingTable<String> table = new RoutingTable<>();

    @Test
    void nothingCrossesNamespacesEvenWithEqualFiltersOrIds() {
        table.subscribe(REGISTRY_1, filter("#"), "r1-app", 1);
        table.subscribe(REGISTRY_1, filter("$devices/#"), "r1-app", 1);
        table.subscribe(REGISTRY_2, filter("$devices/#"), "r2-app", 1);
        table.subscribe(BROKER_WITH_SAME_ID, filter("#"), "broker-client", 1);
        table.subscribe(BROKER_WITH_SAME_ID, SharedSubscription.parse("$share/g/#", LIMIT), "broker-worker", 1);

        assertEquals(Set.of("r1-app"), subscribers(REGISTRY_1, "$devices/d1/events"));
        assertEquals(Set.of("r2-app"), subscribers(REGISTRY_2, "$devices/d1/events"));
        assertEquals(Set.of("broker-client", "broker-worker"), subscribers(BROKER_WITH_SAME_ID, "devices/d1"));
        assertEquals(Set.of("r1-app"), subscribers(REGISTRY_1, "devices/d1"));
        assertEquals(Set.of(), subscribers(Namespace.broker("other"), "devices/d1"));
    }

    @Test
    void unsubscribeActsInItsNamespaceOnly() {
        table.subscribe(REGISTRY_1, filter("a"), "s", 0);
        table.subscribe(REGISTRY_2, filter("a"), "s", 0);

        assertTrue(table.unsubscribe(REGISTRY_1, filter("a"), "s"));
        assertFalse(table.unsubscribe(REGISTRY_1, filter("a"), "s"));

        assertEquals(Set.of(), subscribers(REGISTRY_1, "a"));
        assertEquals(Set.of("s"), subscribers(REGISTRY_2, "a"));
        assertEquals(0, table.unsubscribeAll(Namespace.broker("none"), "s"));
        assertFalse(table.unsubscribe(Namespace.broker("none"), SharedSubscription.parse("$share/g/a", LIMIT), "s"));
    }

    @Test
    void dropsATrieWithItsLastSubscription() {
        SharedSubscription shared = SharedSubscription.parse("$share/g/b", LIMIT);
        table.subscribe(REGISTRY_1, filter("a"), "s", 0);
        table.subscribe(REGISTRY_1, shared, "s", 0);
        table.subscribe(REGISTRY_2, filter("a"), "s", 0);
        assertEquals(2, table.namespaceCount());
        assertEquals(2, table.size(REGISTRY_1));

        table.unsubscribe(REGISTRY_1, filter("a"), "s");
        assertEquals(2, table.namespaceCount());
        table.unsubscribe(REGISTRY_1, shared, "s");
        assertEquals(1, table.namespaceCount());
        assertEquals(1, table.unsubscribeAll(REGISTRY_2, "s"));
        assertEquals(0, table.namespaceCount());
        assertEquals(0, table.size(REGISTRY_1));
    }

    /** Dropping an emptied trie must never swallow a subscription another thread is adding to it. */
    @Test
    void dropsNoSubscriptionWhileTriesComeAndGo() throws Exception {
        int threads = 6;
        int rounds = 5_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String subscriber = "s" + t;
            work.add(() -> {
                start.await();
                for (int i = 0; i < rounds; i++) {
                    table.subscribe(REGISTRY_1, filter("a/" + (i % 3)), subscriber, 0);
                    table.unsubscribeAll(REGISTRY_1, subscriber);
                    table.match(REGISTRY_1, TopicName.parse("a/1", LIMIT));
                }
                table.subscribe(REGISTRY_1, filter("a/#"), subscriber, 0);
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> running = new ArrayList<>();
            work.forEach(task -> running.add(pool.submit(task)));
            start.countDown();
            for (Future<Void> each : running) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(threads, table.size(REGISTRY_1));
        assertEquals(threads, subscribers(REGISTRY_1, "a/x").size());
    }

    private Set<String> subscribers(Namespace namespace, String topic) {
        return table.match(namespace, TopicName.parse(topic, LIMIT)).stream()
                .map(Recipient::subscriber).collect(Collectors.toSet());
    }

    private static TopicFilter filter(String text) {
        return TopicFilter.parse(text, LIMIT);
    }
}
