import pytest

from app.store import Store


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "satchel.sqlite3"


@pytest.fixture
def store(db_path):
    s = Store.open(db_path, region="CN")
    yield s
    s.close()
