package io.iotgate.model;

/** Lifecycle status of a registry, device or broker, named as in IoT Core. */
public enum ResourceStatus { CREATING, ACTIVE, DELETING, DISABLED }
