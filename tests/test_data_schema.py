"""The open data's schema: every table's rows have exactly its columns, of their declared types, keyed uniquely."""

from __future__ import annotations

import pytest

from archive.data_schema import TABLES, TYPES
from archive.exports import export_rows

CHECKS = {
    "text": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "list": lambda v: isinstance(v, list) and all(isinstance(item, str) for item in v),
}


def test_names_and_types_are_known_and_unique():
    assert len({t.name for t in TABLES}) == len(TABLES)
    for table in TABLES:
        assert len(set(table.column_names)) == len(table.columns), table.name
        assert set(table.key) <= set(table.column_names), table.name
        assert {c.type for c in table.columns} <= TYPES.keys() == CHECKS.keys()
        assert all(c.description for c in table.columns)


@pytest.mark.parametrize("fixture", ["search_archive", "hostile_archive"])
def test_rows_have_the_schema_columns_and_types(fixture, request):
    rows = export_rows(request.getfixturevalue(fixture))
    assert list(rows) == [t.name for t in TABLES]
    if fixture == "hostile_archive":
        assert all(rows.values()), "the fixture fills every table"
    for table in TABLES:
        for row in rows[table.name]:
            assert tuple(row) == table.column_names
            for column in table.columns:
                value = row[column.name]
                assert (value is None and column.nullable) or CHECKS[column.type](value), (table.name, column.name, value)
        keys = [tuple(row[k] for k in table.key) for row in rows[table.name]]
        assert len(set(keys)) == len(keys), table.name
