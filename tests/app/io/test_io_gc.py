"""An import runs with Python's cycle collector off (app.collector) and gives it back."""

import gc

import pytest

from app.io.apply import Cancelled, run_import
from app.store import Store


def test_an_import_runs_without_it_and_gives_it_back(tmp_path, fx):
    store = Store.open(tmp_path / "s.sqlite3", region="US")
    seen = []
    run_import(store, [str(fx("google.csv"))], progress=lambda n: seen.append(gc.isenabled()))
    assert seen and not any(seen)
    assert gc.isenabled()
    with pytest.raises(Cancelled):  # (raised inside the import)
        run_import(store, [str(fx("google.csv"))], cancel=lambda: True)
    assert gc.isenabled()
    store.close()
