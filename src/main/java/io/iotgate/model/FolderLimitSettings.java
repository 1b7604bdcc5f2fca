package io.iotgate.model;

import java.util.List;

/**
 * A folder's limits as the API shows them: every value in effect, and which of them the folder sets itself
 * (the others are the service defaults).
 */
public record FolderLimitSettings(String folderId, int payloadBytes, int topicLength, int publishRate,
                                  int publishBurst, int subscriptionsPerSession, int inflightPerSession,
                                  List<String> overridden) {}
