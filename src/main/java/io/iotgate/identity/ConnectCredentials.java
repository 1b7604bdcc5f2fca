package io.iotgate.identity;

import java.security.cert.X509Certificate;

/** What a client presented at CONNECT: any of username, password and TLS client certificate may be absent. */
public record ConnectCredentials(String username, String password, X509Certificate clientCertificate,
                                 String remoteAddress) {}
