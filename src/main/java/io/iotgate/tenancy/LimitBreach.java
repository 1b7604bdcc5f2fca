package io.iotgate.tenancy;

/** Which folder limit a client's packet broke; the edge maps each to its protocol's reason code. */
public enum LimitBreach {
    /** The PUBLISH payload is larger than the folder allows. */
    PAYLOAD_TOO_LARGE,
    /** The connection publishes faster than the folder's rate. */
    PUBLISH_RATE_EXCEEDED,
    /** The session holds as many topic filters as the folder allows. */
    SUBSCRIPTION_QUOTA_EXCEEDED
}
