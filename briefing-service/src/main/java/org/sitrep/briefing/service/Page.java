package org.sitrep.briefing.service;

import java.util.List;

/** One page of a list: its items and how many there are in all. */
public record Page<T>(List<T> items, long total, int page, int size) {
}
