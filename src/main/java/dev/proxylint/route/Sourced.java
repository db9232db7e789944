package dev.proxylint.route;

import dev.proxylint.source.Position;

/** A value and the directive that decided it ({@code text} as written, or a description of a default). */
public record Sourced<T>(T value, Position at, String text) {
}
