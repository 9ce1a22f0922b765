"""archive/memo.py: one call per registry part, found by identity and, for a copy, by equality."""

from __future__ import annotations

import pickle
from dataclasses import dataclass

from archive.memo import by_identity


@dataclass(frozen=True, slots=True)
class Part:
    names: tuple[str, ...]


def test_a_part_is_computed_once_and_its_copy_finds_the_same_value() -> None:
    calls = []

    @by_identity(maxsize=4)
    def index(part: Part) -> dict[str, int]:
        calls.append(part)
        return {name: i for i, name in enumerate(part.names)}

    part = Part(("lavrov", "blinken"))
    first = index(part)
    assert index(part) is first and index(pickle.loads(pickle.dumps(part))) is first  # a worker's copy
    assert calls == [part]
    other = index(Part(("ryabkov",)))
    assert other == {"ryabkov": 0} and len(calls) == 2
