/**
 * The REST edge, and nothing else: resources under {@code /iot-devices/v1}, {@code /iot-broker/v1},
 * {@code /operations} and iotgate's {@code /iotgate/v1}, shaped as {@code openapi.yaml} describes; the
 * caller's authentication (API keys and OIDC bearer tokens); page tokens; the one mapping of failures to
 * {@code {code, message, details}}. Imports {@code control} and {@code model} only.
 */
package io.iotgate.api;
