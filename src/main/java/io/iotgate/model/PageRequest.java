package io.iotgate.model;

/** One page of a list: at most {@code size} items whose IDs sort after {@code afterId} (null: from the start). */
public record PageRequest(int size, String afterId) {}
