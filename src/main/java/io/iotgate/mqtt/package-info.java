/**
 * The MQTT edge on Vert.x {@code MqttServer}: the TLS, WebSocket and TCP listeners, one
 * {@link io.iotgate.mqtt.MqttConnection} per client, one class per protocol flow, and the one mapping of
 * refusals to MQTT 3.1.1 and 5 reason codes. Imports {@code tenancy}, {@code identity}, {@code session},
 * {@code routing}, {@code store}, {@code observe}; nothing imports it.
 */
package io.iotgate.mqtt;
