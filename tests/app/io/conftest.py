from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fx():
    return lambda name: FIXTURES / name


@pytest.fixture
def dump():
    return _dump


def _dump(store) -> dict:
    """Every row of every table: compare before/after to prove nothing was written."""
    from sqlalchemy import text

    out = {}
    with store.read() as s:
        tables = [r[0] for r in s.execute(text(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"))]
        for t in tables:
            out[t] = sorted(map(repr, s.execute(text(f'SELECT * FROM "{t}"')).all()))
    return out
