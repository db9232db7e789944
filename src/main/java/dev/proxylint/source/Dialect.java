package dev.proxylint.source;

import java.util.Locale;

public enum Dialect {
    NGINX, APACHE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return this == NGINX ? "nginx" : "Apache httpd";
    }
}
