"""schema.org's vocabulary, read from tests/vendor/schemaorg/, and a check that JSON-LD uses only its terms, where they apply."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

VOCABULARY = Path(__file__).resolve().parent / "vendor" / "schemaorg" / "schemaorg-current-https.jsonld"
PREFIX = "schema:"


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Types with their supertypes, and properties with the types they apply to and the types of their values."""

    supertypes: dict[str, frozenset[str]]  # a type -> itself and every type it is a subtype of
    data_types: frozenset[str]  # Text, URL, Date, ... and their subtypes
    domains: dict[str, frozenset[str]]  # a property -> the types it is for
    ranges: dict[str, frozenset[str]]  # a property -> the types of its values
    superseded: frozenset[str]  # terms schema.org replaced with others

    def problems(self, node: object, where: str = "$") -> list[str]:
        """Every @type or property in a JSON-LD node (and the nodes in it) that schema.org does not define, or defines for other types."""
        if isinstance(node, list):
            return [p for i, item in enumerate(node) for p in self.problems(item, f"{where}[{i}]")]
        if not isinstance(node, dict):
            return []
        kind = node.get("@type")
        if kind not in self.supertypes:
            return [f"{where}: @type {kind!r} is not a schema.org type"]
        found = [f"{where}: {kind} is superseded"] if kind in self.superseded else []
        for name, value in node.items():
            if name.startswith("@"):
                continue
            here = f"{where}.{name}"
            if name not in self.domains:
                found.append(f"{here}: not a schema.org property")
                continue
            if name in self.superseded:
                found.append(f"{here}: superseded")
            if not self.domains[name] & self.supertypes[kind]:
                found.append(f"{here}: not a property of {kind} (it is for {sorted(self.domains[name])})")
            items = [(f"{here}[{i}]", item) for i, item in enumerate(value)] if isinstance(value, list) else [(here, value)]
            for at, item in items:
                found += self._value_problems(name, item, at)
        return found

    def _value_problems(self, name: str, value: object, where: str) -> list[str]:
        if isinstance(value, dict):
            inner = self.problems(value, where)
            kind = value.get("@type")
            if kind in self.supertypes and not self.ranges[name] & self.supertypes[kind]:
                inner.append(f"{where}: a {kind} is not a value of {name} (it takes {sorted(self.ranges[name])})")
            return inner
        if isinstance(value, str) and not self.ranges[name] & self.data_types:
            return [f"{where}: {name} takes {sorted(self.ranges[name])}, not text"]
        return []


def _ids(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value] if value else []
    return [item["@id"].removeprefix(PREFIX) for item in items if item["@id"].startswith(PREFIX)]


@functools.cache
def vocabulary() -> Vocabulary:
    """The vendored vocabulary, read once."""
    graph = json.loads(VOCABULARY.read_text(encoding="utf-8"))["@graph"]
    parents: dict[str, list[str]] = {}
    data_roots: set[str] = set()
    domains: dict[str, frozenset[str]] = {}
    ranges: dict[str, frozenset[str]] = {}
    superseded: set[str] = set()
    for term in graph:
        name, kinds = term["@id"].removeprefix(PREFIX), term["@type"] if isinstance(term["@type"], list) else [term["@type"]]
        if "schema:supersededBy" in term:
            superseded.add(name)
        if "rdfs:Class" in kinds:
            parents[name] = _ids(term.get("rdfs:subClassOf"))
            if "schema:DataType" in kinds:
                data_roots.add(name)
        if "rdf:Property" in kinds:
            domains[name] = frozenset(_ids(term.get("schema:domainIncludes")))
            ranges[name] = frozenset(_ids(term.get("schema:rangeIncludes")))

    def up(name: str) -> frozenset[str]:
        return frozenset({name}).union(*(up(parent) for parent in parents.get(name, []) if parent in parents))

    supertypes = {name: up(name) for name in parents}
    data_types = frozenset(name for name, above in supertypes.items() if above & data_roots)
    return Vocabulary(supertypes, data_types, domains, ranges, frozenset(superseded))
