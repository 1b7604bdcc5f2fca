package io.iotgate.api;

import io.iotgate.control.ControlFailure.InvalidArgument;
import io.iotgate.config.ApiConfig;
import io.iotgate.model.Page;
import io.iotgate.model.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Page size and opaque page tokens of list calls. A token carries the last ID of the page before; being
 * opaque lets the encoding change without breaking a client.
 */
@ApplicationScoped
public class PageTokens {

    private final ApiConfig config;

    PageTokens(ApiConfig config) {
        this.config = config;
    }

    public PageRequest request(Integer pageSize, String pageToken) {
        int size = pageSize == null || pageSize == 0 ? config.defaultPageSize() : pageSize;
        if (size < 0 || size > config.maxPageSize()) {
            throw new InvalidArgument("pageSize: from 0 to " + config.maxPageSize());
        }
        return new PageRequest(size, decode(pageToken));
    }

    public String next(Page<?> page) {
        return page.lastId() == null ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(page.lastId().getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            String id = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!id.matches("[a-z0-9]{1,64}")) {
                throw new IllegalArgumentException();
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new InvalidArgument("pageToken: not a token this API returned");
        }
    }
}
