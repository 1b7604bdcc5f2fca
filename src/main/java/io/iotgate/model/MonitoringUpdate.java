package io.iotgate.model;

/**
 * A device touched the gateway and its monitoring feed ({@code $monitoring/<deviceId>/json}) is due: fired
 * as a CDI event by the activity tracker, paced per device, and published by the registry model.
 */
public record MonitoringUpdate(String registryId, String deviceId, DeviceMonitoringData data) {}
