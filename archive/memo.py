"""Caches for functions of one part of the registry (its people, topics, sources, a person).

A frozen dataclass hashes every field each time it is hashed, so `functools.lru_cache` on the
registry's 200 people rehashed them all at every call, several times an article. These caches
look the argument up by identity first and by equality only on a miss (a worker process gets
its own copy of the registry with each batch of seeds).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

A = TypeVar("A")
R = TypeVar("R")


def by_identity(maxsize: int) -> Callable[[Callable[[A], R]], Callable[[A], R]]:
    """Memoise a one-argument function by the argument's identity, then by its equality."""

    def decorate(function: Callable[[A], R]) -> Callable[[A], R]:
        by_equality = functools.lru_cache(maxsize=maxsize)(function)
        seen: dict[int, tuple[A, R]] = {}  # keeps each argument alive, so its id is not reused meanwhile

        @functools.wraps(function)
        def cached(argument: A) -> R:
            hit = seen.get(id(argument))
            if hit is not None and hit[0] is argument:
                return hit[1]
            value = by_equality(argument)
            if len(seen) >= maxsize:
                seen.clear()
            seen[id(argument)] = (argument, value)
            return value

        return cached

    return decorate
