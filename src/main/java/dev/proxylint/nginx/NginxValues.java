package dev.proxylint.nginx;

/** nginx's parsers for time and size arguments (ngx_parse_time, ngx_parse_offset in src/core/ngx_parse.c). */
public final class NginxValues {
    private NginxValues() {
    }

    /**
     * A time in milliseconds the way {@code ngx_parse_time(value, 0)} reads it for msec directives such as
     * {@code proxy_read_timeout}: units ms, s, m, h, d, w in decreasing order, combinable ({@code 1m30s});
     * no unit means seconds. Returns -1 where nginx reports "invalid value".
     */
    public static long parseMillis(String s) {
        final int stMsec = 8;
        final int stSec = 7;
        final int stMin = 6;
        final int stHour = 5;
        final int stDay = 4;
        final int stWeek = 3;
        final int stMonth = 2;
        int step = stMonth;
        boolean valid = false;
        long value = 0;
        long total = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (value > (Long.MAX_VALUE - (c - '0')) / 10) {
                    return -1;
                }
                value = value * 10 + (c - '0');
                valid = true;
                i++;
                continue;
            }
            i++;
            long scale;
            switch (c) {
                case 'w' -> {
                    if (step >= stWeek) {
                        return -1;
                    }
                    step = stWeek;
                    scale = 7L * 24 * 3600 * 1000;
                }
                case 'd' -> {
                    if (step >= stDay) {
                        return -1;
                    }
                    step = stDay;
                    scale = 24L * 3600 * 1000;
                }
                case 'h' -> {
                    if (step >= stHour) {
                        return -1;
                    }
                    step = stHour;
                    scale = 3600L * 1000;
                }
                case 'm' -> {
                    if (i < n && s.charAt(i) == 's') {
                        if (step >= stMsec) {
                            return -1;
                        }
                        i++;
                        step = stMsec;
                        scale = 1;
                    } else {
                        if (step >= stMin) {
                            return -1;
                        }
                        step = stMin;
                        scale = 60L * 1000;
                    }
                }
                case 's' -> {
                    if (step >= stSec) {
                        return -1;
                    }
                    step = stSec;
                    scale = 1000;
                }
                default -> {
                    return -1;
                }
            }
            if (value > Long.MAX_VALUE / scale) {
                return -1;
            }
            total += value * scale;
            if (total < 0) {
                return -1;
            }
            value = 0;
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
        }
        if (!valid) {
            return -1;
        }
        if (value > Long.MAX_VALUE / 1000) {
            return -1;
        }
        total += value * 1000;
        return total < 0 ? -1 : total;
    }

    /** A size in bytes as {@code ngx_parse_offset} reads it (k, m, g suffixes, case-insensitive); -1 if invalid. */
    public static long parseSize(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        long scale = 1;
        String digits = s;
        char last = s.charAt(s.length() - 1);
        switch (last) {
            case 'k', 'K' -> scale = 1024;
            case 'm', 'M' -> scale = 1024 * 1024;
            case 'g', 'G' -> scale = 1024L * 1024 * 1024;
            default -> {
            }
        }
        if (scale != 1) {
            digits = s.substring(0, s.length() - 1);
        }
        if (digits.isEmpty()) {
            return -1;
        }
        long v = 0;
        for (char c : digits.toCharArray()) {
            if (c < '0' || c > '9' || v > (Long.MAX_VALUE - 9) / 10) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        if (v > Long.MAX_VALUE / scale) {
            return -1;
        }
        return v * scale;
    }

    /** A duration for messages: {@code 20 s}, {@code 1.5 s}, {@code 500 ms}. */
    public static String human(long millis) {
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        if (millis > 1000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return millis + " ms";
    }
}
