package io.iotgate.control;

import io.iotgate.control.ControlFailure.InvalidArgument;

import java.util.Base64;

/**
 * The {@code data} of an HTTP publish: base64, as IoT Core's JSON carries bytes (standard or URL-safe
 * alphabet, padding optional, as protobuf's JSON mapping accepts). Missing data is an empty payload.
 */
final class PublishPayload {

    /** IoT Core: a message carries at most 256 KB. */
    static final int MAX_BYTES = 262_144;

    private PublishPayload() {
    }

    /**
     * @param maxBytes the largest payload the folder allows, at most {@link #MAX_BYTES}
     * @throws InvalidArgument naming {@code data} when it is no base64 or decodes to more than {@code maxBytes}
     */
    static byte[] decode(String data, int maxBytes) {
        if (data == null || data.isEmpty()) {
            return new byte[0];
        }
        int limit = Math.min(maxBytes, MAX_BYTES);
        long decodedBytes = decodedLength(data);
        if (decodedBytes > limit) {
            // judged before decoding, so an oversized body costs no buffer of its size
            throw new InvalidArgument("data: " + decodedBytes + " bytes once decoded, more than the " + limit
                    + " allowed");
        }
        boolean urlSafe = data.indexOf('-') >= 0 || data.indexOf('_') >= 0;
        try {
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(data);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgument("data: not valid base64 (" + e.getMessage() + ")");
        }
    }

    /** What {@code data} decodes to, if it is valid: 6 bits per character that is not padding. */
    private static long decodedLength(String data) {
        int end = data.length();
        while (end > 0 && data.charAt(end - 1) == '=') {
            end--;
        }
        return (long) end * 6 / 8;
    }
}
