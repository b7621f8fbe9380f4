"""Every list model passes Qt's model tester; long lists load rows in pages, not all at once."""

from app.domain import CompanyDraft, ContactDraft, Email
from app.services import activities, companies, contacts, opportunities, views_activities
from ui.lazy_model import ID_ROLE
from ui.table_models import activities_model, companies_model, contacts_model, opportunities_model


def test_lazy_models_pass_modeltester_empty_and_full(qtmodeltester, sample_store):
    for make in (contacts_model, companies_model):
        model = make(sample_store)
        qtmodeltester.check(model)  # before loading: empty
        model.reload()
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_row_models_pass_modeltester(qtmodeltester, sample_store):
    opps = opportunities_model()
    with sample_store.read() as s:
        opps.set_rows(opportunities.list_all(s))
        rows = views_activities.recent_rows(s)
    qtmodeltester.check(opps)
    acts = activities_model()
    acts.set_rows(rows)
    qtmodeltester.check(acts)
    assert acts.rowCount() == 11


def test_contacts_model_shows_rows_in_name_order_with_company(sample_store):
    model = contacts_model(sample_store)
    model.reload()
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names[0] == "Amélie Dubois"
    row = names.index("张伟")
    assert model.index(row, 1).data() == "上海明远精密仪器有限公司"
    assert model.index(row, 0).data(ID_ROLE) == model.id_at(row)


def test_long_list_loads_only_the_pages_it_shows(store):
    with store.write() as tx:
        co = companies.create(tx, CompanyDraft("Bulk GmbH"))
        for i in range(1500):
            contacts.create(tx, ContactDraft(name=f"Person {i:04d}",
                                             emails=[Email(f"p{i}@bulk.example")]), co)
    model = contacts_model(store)
    model.reload()
    assert model.rowCount() == 1500
    assert len(model._cache) == 0  # ids only until a row is shown
    assert model.index(1234, 0).data() == "Person 1234"
    assert 0 < len(model._cache) <= model.PAGE
    assert model.index(0, 2).data() == ""  # another page, title is empty
    assert len(model._cache) <= 2 * model.PAGE


def test_company_list_counts_contacts(sample_store):
    model = companies_model(sample_store)
    model.reload()
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    row = names.index("Acme Robotics GmbH")
    assert model.index(row, 1).data() == "2"


def test_deleted_contact_disappears_after_reload(sample_store):
    model = contacts_model(sample_store)
    model.reload()
    before = model.rowCount()
    with sample_store.write() as tx:
        contacts.delete(tx, model.id_at(0))
    model.reload()
    assert model.rowCount() == before - 1


def test_activity_rows_name_the_contact_and_company(sample_store):
    with sample_store.read() as s:
        rows = views_activities.recent_rows(s, kind="call")
        tasks = views_activities.open_tasks(s, activities.dt.date.today())
    assert {r.contact_name for r in rows} == {"Sarah Miller", "张伟"}
    assert all(t.kind == "task" and not t.done for t in tasks)
    assert any(t.company_name == "Acme Robotics GmbH" for t in tasks)


def test_a_rows_model_sorts_by_a_column_and_back_to_its_own_order(qtmodeltester):
    """A header click: by the column's text (case aside) or its key, stable both ways; column
    -1 gives the caller's order back; a persistent index (the selection) follows its row; a
    filter shows some rows, sorted as the rest."""
    from PySide6.QtCore import QPersistentModelIndex, Qt

    from ui.lazy_model import Column
    from ui.rows_model import RowsTableModel

    model = RowsTableModel([Column("Name", lambda r: r[0]),
                            Column("No.", lambda r: str(r[1]), key=lambda r: r[1])])
    given = [("b", 10), ("A", 9), ("c", 100), ("a", 9)]
    model.set_rows(given)
    qtmodeltester.check(model)
    column = lambda c: [model.index(r, c).data() for r in range(model.rowCount())]  # noqa: E731
    held = QPersistentModelIndex(model.index(2, 0))  # "c"
    model.sort(0)
    assert column(0) == ["A", "a", "b", "c"] and held.row() == 3
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert column(1) == ["100", "10", "9", "9"] and column(0)[2:] == ["A", "a"]
    model.sort(-1)
    assert column(0) == ["b", "A", "c", "a"] and held.row() == 2
    # a filter keeps the sort; new rows come filtered and sorted alike
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.set_filter(lambda r: r[1] < 100)
    assert column(0) == ["b", "A", "a"]
    model.set_rows([("z", 1), ("y", 200), ("x", 2)])
    assert column(0) == ["z", "x"]
    model.set_filter(None)
    assert column(0) == ["z", "y", "x"]
    qtmodeltester.check(model)
