package io.iotgate.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionTrieTest {

    private static final int LIMIT = TopicName.DEFAULT_MAX_BYTES;

    private final SubscriptionTrie<String> trie = new SubscriptionTrie<>();

    @Test
    void matchesNobodyWhenEmpty() {
        assertEquals(List.of(), trie.match(topic("a/b")));
        assertTrue(trie.isEmpty());
        assertEquals(0, trie.size());
    }

    @Test
    void deliversOnceToASubscriberWithTheHighestQosOfItsMatchingFilters() {
        trie.subscribe(filter("sport/#"), "s1", 0);
        trie.subscribe(filter("sport/tennis/+"), "s1", 2);
        trie.subscribe(filter("sport/tennis/player1"), "s1", 1);
        trie.subscribe(filter("#"), "s2", 1);

        Map<String, Recipient<String>> got = bySubscriber(trie.match(topic("sport/tennis/player1")));

        assertEquals(Set.of("s1", "s2"), got.keySet());
        assertEquals(2, got.get("s1").qos()); // [MQTT-3.3.5-1]
        assertEquals(Set.of(filter("sport/#"), filter("sport/tennis/+"), filter("sport/tennis/player1")),
                Set.copyOf(got.get("s1").filters()));
        assertEquals(1, got.get("s2").qos());
        assertEquals(List.of(filter("#")), got.get("s2").filters());
        assertEquals(Optional.empty(), got.get("s1").shareGroup());
    }

    @Test
    void keepsOnlyTheFiltersThatMatched() {
        trie.subscribe(filter("a/+"), "s", 1);
        trie.subscribe(filter("a/b/#"), "s", 2);

        Recipient<String> only = trie.match(topic("a/c")).get(0);

        assertEquals(1, only.qos());
        assertEquals(List.of(filter("a/+")), only.filters());
    }

    /** The trie agrees with {@link TopicFilter#matches} on every small filter and topic. */
    @Test
    void agreesWithFilterMatchingEverywhere() {
        List<TopicFilter> filters = TopicUniverse.filters();
        filters.forEach(f -> trie.subscribe(f, f.value(), 0));
        for (TopicName topic : TopicUniverse.topics()) {
            Set<String> expected = filters.stream().filter(f -> f.matches(topic))
                    .map(TopicFilter::value).collect(Collectors.toSet());
            Set<String> actual = trie.match(topic).stream().map(Recipient::subscriber).collect(Collectors.toSet());
            assertEquals(expected, actual, "topic '" + topic + "'");
        }
    }

    @ParameterizedTest(name = "''{1}'' reaches {2} when subscribed {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "#,+/x,$SYS/#"       | "$SYS/x"        | "$SYS/#"
            "#,+,$SYS"           | "$SYS"          | "$SYS"
            "#,+/+,/+,+"         | "/finance"      | "#,+/+,/+"
            "sport/#,sport/+"    | "sport"         | "sport/#"
            "a/+/#,a/#,+/#"      | "a/$b"          | "a/+/#,a/#,+/#"
            "a//b,a/+/b,a/b"     | "a//b"          | "a//b,a/+/b"
            """)
    void appliesTheSpecRulesWhileWalking(String subscribed, String topic, String reached) {
        for (String f : subscribed.split(",")) {
            trie.subscribe(filter(f), f, 0);
        }
        Set<String> got = trie.match(topic(topic)).stream().map(Recipient::subscriber).collect(Collectors.toSet());
        assertEquals(Set.of(reached.split(",")), got);
    }

    @Test
    void resubscribingReplacesQosAndSaysSo() {
        assertFalse(trie.subscribe(filter("a/#"), "s", 0));
        assertTrue(trie.subscribe(filter("a/#"), "s", 2)); // [MQTT-3.8.4-3]

        assertEquals(1, trie.size());
        assertEquals(2, trie.match(topic("a/b")).get(0).qos());
    }

    @Test
    void unsubscribeRemovesOnlyThatSubscriberAndFilter() {
        trie.subscribe(filter("a/+"), "s1", 1);
        trie.subscribe(filter("a/+"), "s2", 1);
        trie.subscribe(filter("a/#"), "s1", 1);

        assertTrue(trie.unsubscribe(filter("a/+"), "s1"));
        assertFalse(trie.unsubscribe(filter("a/+"), "s1"));
        assertFalse(trie.unsubscribe(filter("never/subscribed"), "s1"));

        Map<String, Recipient<String>> got = bySubscriber(trie.match(topic("a/b")));
        assertEquals(Set.of("s1", "s2"), got.keySet());
        assertEquals(List.of(filter("a/#")), got.get("s1").filters());
        assertEquals(2, trie.size());
    }

    @Test
    void unsubscribePrunesEmptyNodes() {
        trie.subscribe(filter("a/b/c/d"), "s", 0);
        trie.subscribe(filter("a/b"), "s", 0);

        trie.unsubscribe(filter("a/b/c/d"), "s");
        assertFalse(trie.isEmpty(), "a/b still holds a subscription");

        trie.unsubscribe(filter("a/b"), "s");
        assertTrue(trie.isEmpty(), "every node pruned");
        assertEquals(0, trie.size());
    }

    @Test
    void unsubscribeAllDropsEverySubscriptionOfOneSubscriber() {
        trie.subscribe(filter("a/#"), "s1", 0);
        trie.subscribe(filter("+/b"), "s1", 0);
        trie.subscribe(shared("$share/g/a/b"), "s1", 0);
        trie.subscribe(filter("a/b"), "s2", 0);

        assertEquals(3, trie.unsubscribeAll("s1"));
        assertEquals(0, trie.unsubscribeAll("s1"));

        assertEquals(List.of("s2"), subscribers(trie.match(topic("a/b"))));
        assertEquals(1, trie.size());
        trie.unsubscribeAll("s2");
        assertTrue(trie.isEmpty());
    }

    @Test
    void refusesBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> trie.subscribe(filter("a"), "s", 3));
        assertThrows(IllegalArgumentException.class, () -> trie.subscribe(filter("a"), "s", -1));
        assertThrows(NullPointerException.class, () -> trie.subscribe(filter("a"), null, 0));
        assertTrue(trie.isEmpty());
    }

    @Test
    void sharedGroupTakesTurnsInSubscriptionOrder() {
        SharedSubscription workers = shared("$share/workers/jobs/#");
        trie.subscribe(workers, "w1", 1);
        trie.subscribe(workers, "w2", 1);
        trie.subscribe(workers, "w3", 1);

        List<String> turns = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<Recipient<String>> got = trie.match(topic("jobs/" + i));
            assertEquals(1, got.size(), "one member per group");
            assertEquals(Optional.of("workers"), got.get(0).shareGroup());
            assertEquals(List.of(filter("jobs/#")), got.get(0).filters());
            turns.add(got.get(0).subscriber());
        }
        assertEquals(List.of("w1", "w2", "w3", "w1", "w2", "w3"), turns);
    }

    @Test
    void sharedMemberKeepsItsPlaceOnResubscribeAndLeavesOnUnsubscribe() {
        SharedSubscription group = shared("$share/g/t");
        assertFalse(trie.subscribe(group, "a", 0));
        trie.subscribe(group, "b", 0);
        assertTrue(trie.subscribe(group, "a", 2));
        assertEquals(2, trie.size());

        assertEquals(List.of("a", "b"), turns(2));
        Recipient<String> aAgain = trie.match(topic("t")).get(0);
        assertEquals("a", aAgain.subscriber());
        assertEquals(2, aAgain.qos(), "the new QoS");
        assertEquals(0, trie.match(topic("t")).get(0).qos(), "b kept its own");

        assertTrue(trie.unsubscribe(group, "a"));
        assertFalse(trie.unsubscribe(group, "a"));
        assertEquals(List.of("b", "b"), turns(2));

        trie.unsubscribe(group, "b");
        assertTrue(trie.isEmpty());
    }

    @Test
    void eachGroupAndEachNonSharedSubscriberGetsItsCopy() {
        trie.subscribe(shared("$share/g1/t/+"), "a", 0);
        trie.subscribe(shared("$share/g2/t/+"), "a", 0);
        trie.subscribe(shared("$share/g1/t/#"), "b", 1); // same group name, other filter: another group
        trie.subscribe(filter("t/x"), "a", 2);

        List<Recipient<String>> got = trie.match(topic("t/x"));

        // [MQTT-4.8.2] a shared copy may come on top of the non-shared one
        Set<String> copies = got.stream()
                .map(r -> r.subscriber() + "@" + r.shareGroup().orElse("-") + ":" + r.filters().get(0))
                .collect(Collectors.toSet());
        assertEquals(Set.of("a@-:t/x", "a@g1:t/+", "a@g2:t/+", "b@g1:t/#"), copies);
    }

    @Test
    void sharedSubscriptionsFollowTheDollarRule() {
        trie.subscribe(shared("$share/g/#"), "a", 0);
        trie.subscribe(shared("$share/g/$devices/#"), "b", 0);

        assertEquals(List.of("b"), subscribers(trie.match(topic("$devices/d1/events"))));
        assertEquals(List.of("a"), subscribers(trie.match(topic("devices/d1/events"))));
    }

    @Test
    void walksDeepTopicsWithoutRecursion() {
        String deep = String.join("/", Collections.nCopies(30_000, "a"));
        TopicFilter deepFilter = TopicFilter.parse(deep.substring(0, deep.length() - 1) + "+", TopicName.MQTT_MAX_BYTES);
        String plusses = String.join("/", Collections.nCopies(30_000, "+"));
        trie.subscribe(deepFilter, "literal", 0);
        trie.subscribe(TopicFilter.parse(plusses, TopicName.MQTT_MAX_BYTES), "plus", 0);

        Set<String> got = new HashSet<>(subscribers(trie.match(TopicName.parse(deep, TopicName.MQTT_MAX_BYTES))));

        assertEquals(Set.of("literal", "plus"), got);
    }

    private List<String> turns(int count) {
        List<String> turns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            turns.add(trie.match(topic("t")).get(0).subscriber());
        }
        return turns;
    }

    private static Map<String, Recipient<String>> bySubscriber(List<Recipient<String>> recipients) {
        assertEquals(recipients.size(), recipients.stream().map(Recipient::subscriber).distinct().count(),
                "each subscriber once: " + recipients);
        return recipients.stream().collect(Collectors.toMap(Recipient::subscriber, Function.identity()));
    }

    private static List<String> subscribers(List<Recipient<String>> recipients) {
        return recipients.stream().map(Recipient::subscriber).sorted().collect(Collectors.toList());
    }

    private static TopicFilter filter(String text) {
        return TopicFilter.parse(text, LIMIT);
    }

    private static TopicName topic(String text) {
        return TopicName.parse(text, LIMIT);
    }

    private static SharedSubscription shared(String text) {
        return SharedSubscription.parse(text, LIMIT);
    }
}
