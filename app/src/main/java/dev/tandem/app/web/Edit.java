package dev.tandem.app.web;

import java.util.Map;

/** An edit as the page sends it: the fields it sets, and the values it saw them with ({@code base}). */
record Edit(Map<String, Object> set, Map<String, Object> base) {
    @SuppressWarnings("unchecked")
    static Edit of(Map<String, Object> body) {
        if (!(body.get("set") instanceof Map<?, ?> set) || !(body.getOrDefault("base", Map.of()) instanceof Map<?, ?> base)) {
            throw new BadRequest("server.edit.setAndBase");
        }
        return new Edit((Map<String, Object>) set, (Map<String, Object>) base);
    }
}
