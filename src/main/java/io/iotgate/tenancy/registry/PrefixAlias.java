package io.iotgate.tenancy.registry;

import io.iotgate.tenancy.TopicRename;

/**
 * A name the client writes at the start of a topic or filter that stands for the start of a real topic:
 * a topic alias ({@code my/alias/} for {@code $devices/<id>/}) or a {@code $me} name
 * ({@code $me/device/} for {@code $devices/<id>/}). Replacing is textual, like IoT Core's
 * "the alias replaces the beginning of the topic"; the real topic is then checked like any other.
 */
record PrefixAlias(String name, String target) {

    /** Whether the client's text starts with this name (or is it). */
    boolean prefixes(String text) {
        return text.startsWith(name);
    }

    /** The real text for a client text that this alias {@link #prefixes}. */
    String resolve(String text) {
        return target + text.substring(name.length());
    }

    /** Names real topics matched through this alias as the client wrote them. */
    TopicRename rename() {
        return new TopicRename.PrefixSwap(target, name);
    }
}
