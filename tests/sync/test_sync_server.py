"""HQ through real HTTP: auth, teams, protocol version, malformed input, limits, ordering."""

from __future__ import annotations

import json
import threading

import httpx
import pytest

from app.domain import CompanyDraft, ContactDraft
from app.services import companies, contacts
from sync import protocol as P
from sync.client import SyncAuthError, SyncClient, SyncError, SyncProtocolError
from sync.server import service
from tests.sync.conftest import assert_converged


def _stamp(ms: int, node: str = "ab", counter: int = 0) -> str:
    return f"{ms:015d}.{counter:05d}.{node}"


def _change(i: int, record: str = "r1", field: str = "name", value="v", ms: int | None = None,
            entity: str = "company") -> dict:
    return {"change_id": f"op{i}/{field}", "entity": entity, "record_id": record,
            "field": field, "value": value, "hlc": _stamp(ms if ms is not None else 1000 + i)}


def _push(hq, token: str, changes: list[dict], batch_id: str = "b", cursor: int = 0):
    body = {"protocol": P.PROTOCOL_VERSION, "batch_id": batch_id, "cursor": cursor,
            "changes": changes}
    return httpx.post(f"{hq.base_url}/v1/push", content=json.dumps(body), timeout=30,
                      headers={"Authorization": f"Bearer {token}",
                               "Content-Type": "application/json"})


def _pull(hq, token: str, cursor: int = 0, limit: int = 1000):
    return httpx.post(f"{hq.base_url}/v1/pull", headers={"Authorization": f"Bearer {token}"},
                      json={"protocol": P.PROTOCOL_VERSION, "cursor": cursor, "limit": limit},
                      timeout=30)


def test_missing_wrong_and_revoked_tokens_get_401(hq):
    token = hq.token("alice")
    assert httpx.get(f"{hq.base_url}/v1/health").status_code == 200  # health needs none
    r = httpx.post(f"{hq.base_url}/v1/pull", json={"protocol": 1})
    assert r.status_code == 401 and "token" in r.json()["error"]
    assert _pull(hq, token[:-2] + "xx").status_code == 401
    assert _pull(hq, "nonsense").status_code == 401
    assert _pull(hq, token).status_code == 200
    service.revoke_token(hq.db, token.split(".")[0])
    r = _pull(hq, token)
    assert r.status_code == 401 and "revoked" in r.json()["error"]
    assert _push(hq, token, [_change(1)]).status_code == 401


def test_client_reports_a_bad_token_clearly(hq, tmp_path, store):
    with SyncClient(store, hq.base_url, "abc.def", retries=0) as c, \
            pytest.raises(SyncAuthError, match="token"):
        c.sync()


def test_incompatible_protocol_says_please_update(hq):
    token = hq.token("alice")
    for version in (0, P.PROTOCOL_VERSION + 1):
        r = httpx.post(f"{hq.base_url}/v1/pull", headers={"Authorization": f"Bearer {token}"},
                       json={"protocol": version, "shape": "of the future"})
        assert r.status_code == 426
        assert "update" in r.json()["error"]


def test_client_raises_protocol_error_without_retrying(hq, store):
    token = hq.token("alice")
    with store.write() as tx:
        contacts.create(tx, ContactDraft(name="Kept"))
    calls = []
    transport = httpx.HTTPTransport()

    class Counting(httpx.BaseTransport):
        def handle_request(self, request):
            calls.append(request.url.path)
            return transport.handle_request(request)

    with SyncClient(store, hq.base_url, token, transport=Counting(), retries=3) as c, \
            pytest.raises(SyncProtocolError, match="update"):
        c.protocol = 99  # an app from the future
        c.sync()
    assert len(calls) == 1
    from sync.client import pending_count
    assert pending_count(store) == 1


@pytest.mark.parametrize("body", [
    b"not json", b"[1, 2]", b'{"protocol": 1}', b'{"protocol": "x", "batch_id": "b"}',
    b'{"protocol": 1, "batch_id": "b", "changes": [{"change_id": "a"}]}',
    b'{"protocol": 1, "batch_id": "b", "changes": [{"change_id": "a", "entity": "company",'
    b' "record_id": "r", "field": "name", "value": 1, "hlc": "yesterday"}]}',
    b'{"protocol": 1, "batch_id": "b", "changes": [{"change_id": "a", "entity": "company",'
    b' "record_id": "r", "field": "name", "value": 1, "hlc": "1.0.ab"}]}',
    b'{"protocol": 1, "batch_id": "b", "changes": {"a": 1}}',
    b'{"protocol": 1, "batch_id": "' + b"x" * 500 + b'", "changes": []}',
    b'{"protocol": 1, "batch_id": "b", "changes": [{"change_id": "a", "entity": "company",'
    b' "record_id": "r\\u0000", "field": "name", "value": 1, "hlc": "1.0.ab"}]}',
    b'{"protocol": 1, "batch_id": "b", "cursor": 1e400, "changes": []}',
])
def test_malformed_push_gets_4xx_with_a_message(sqlite_hq, body):
    token = sqlite_hq.token("alice")
    r = httpx.post(f"{sqlite_hq.base_url}/v1/push", content=body,
                   headers={"Authorization": f"Bearer {token}",
                            "Content-Type": "application/json"})
    assert 400 <= r.status_code < 500
    assert r.json()["error"]


def test_bad_values_are_rejected_per_change_not_crashing(sqlite_hq):
    token = sqlite_hq.token("alice")
    changes = [_change(1, field="bogus"), _change(2, entity="spaceship"),
               _change(3, field="merged_into", value={"x": 1}),
               _change(4, field="deleted", value="yes"), _change(5, value=1.5),
               _change(6, field="tags", value=["ok", 3]), _change(7, value="a\x00b"),
               _change(8, value="\ud800"), _change(9, entity="contact", field="birthday",
                                                    value="not a date"),
               _change(10, value="fine")]
    r = _push(sqlite_hq, token, changes)
    assert r.status_code == 200
    assert [x["status"] for x in r.json()["results"]] == ["rejected"] * 9 + ["accepted"]
    assert _pull(sqlite_hq, token).status_code == 200


def test_size_limits(sqlite_hq):
    token = sqlite_hq.token("alice")
    r = _push(sqlite_hq, token, [_change(i, record=f"r{i}") for i in range(P.MAX_BATCH + 1)])
    assert r.status_code == 422 and "changes" in r.json()["error"]
    r = httpx.post(f"{sqlite_hq.base_url}/v1/push", content=b" " * (P.MAX_BODY_BYTES + 1),
                   headers={"Authorization": f"Bearer {token}",
                            "Content-Type": "application/json"})
    assert r.status_code == 413
    assert _pull(sqlite_hq, token, limit=P.MAX_PAGE + 1).status_code == 422
    # one value too large is refused on its own, the rest of the batch goes in
    r = _push(sqlite_hq, token, [_change(1, value="x" * (P.MAX_VALUE_CHARS + 1)),
                                 _change(2, record="r2")])
    assert [x["status"] for x in r.json()["results"]] == ["rejected", "accepted"]
    assert "too large" in r.json()["results"][0]["reason"]


def test_openapi_is_published(sqlite_hq):
    doc = httpx.get(f"{sqlite_hq.base_url}/openapi.json").json()
    assert {"/v1/push", "/v1/pull", "/v1/health"} <= set(doc["paths"])


def test_retried_batch_is_answered_as_before_and_applies_once(hq):
    token = hq.token("alice")
    first = _push(hq, token, [_change(1), _change(2, field="address")], batch_id="same")
    again = _push(hq, token, [_change(1), _change(2, field="address")], batch_id="same")
    assert first.json()["results"] == again.json()["results"]
    assert [x["status"] for x in again.json()["results"]] == ["accepted", "accepted"]
    # the same changes in another batch: recognised, not applied twice
    other = _push(hq, token, [_change(1)], batch_id="other")
    assert other.json()["results"][0]["status"] == "duplicate"
    assert service.stats(hq.db)["log"] == 2


def test_page_boundaries_inside_one_big_transaction_drop_nothing(hq):
    token = hq.token("alice")
    changes = [_change(i, record=f"r{i % 13}", field=("name", "note", "address")[i % 3])
               for i in range(60)]
    assert _push(hq, token, changes).status_code == 200
    got, cursor = [], 0
    while True:
        page = _pull(hq, token, cursor, limit=7).json()
        got += [c["seq"] for c in page["changes"]]
        cursor = page["cursor"]
        if not page["more"]:
            break
    assert got == list(range(1, 61))


def test_sequence_follows_commit_order_under_concurrent_pushes(hq):
    """Many pushers commit concurrently while a reader pulls small pages: the reader's cursor
    must never jump over a change that commits later (a plain sequence would let it)."""
    tokens = [hq.token(f"rep{i}") for i in range(6)]
    reader = hq.token("reader")
    done = threading.Event()
    seen: list[int] = []
    accepted: set[str] = set()
    lock = threading.Lock()

    def pusher(n: int) -> None:
        for b in range(12):
            changes = [_change(n * 1000 + b * 10 + k, record=f"r{n}-{b}-{k}", ms=10_000 + b)
                       for k in range(5)]
            r = _push(hq, tokens[n], changes, batch_id=f"{n}-{b}")
            with lock:
                accepted.update(x["change_id"] for x in r.json()["results"]
                                if x["status"] == "accepted")

    def puller() -> None:
        cursor = 0
        while True:
            finished = done.is_set()
            page = _pull(hq, reader, cursor, limit=3).json()
            seen.extend(c["seq"] for c in page["changes"])
            cursor = page["cursor"]
            if finished and not page["more"]:
                return

    threads = [threading.Thread(target=pusher, args=(i,)) for i in range(6)]
    reading = threading.Thread(target=puller)
    reading.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    reading.join()
    assert len(accepted) == 6 * 12 * 5
    assert seen == list(range(1, len(accepted) + 1))


def test_reps_see_only_their_team_and_a_team_change_moves_the_record(hq, replicas):
    north, south = replicas("north", team="north"), replicas("south", team="south")
    boss = replicas("boss", team="hq", admin=True)
    with north.store.write() as tx:
        co = companies.create(tx, CompanyDraft(name="Northwind"))
        cid = contacts.create(tx, ContactDraft(name="Nora"), co)
    with south.store.write() as tx:
        sid = contacts.create(tx, ContactDraft(name="Sam"))
    north.sync(), south.sync(), boss.sync()
    with south.store.read() as s:
        assert contacts.get(s, cid) is None and contacts.get(s, sid) is not None
    with boss.store.read() as s:
        assert contacts.get(s, cid) is not None and contacts.get(s, sid) is not None
    # a rep cannot write another team's record either
    with south.store.write() as tx:
        from app.services import rows
        rec = rows.load(tx.session, "contact", sid)
        assert rec is not None
    r = _push(hq, south.token, [{"change_id": "x/name", "entity": "contact", "record_id": cid,
                                 "field": "name", "value": "hijack",
                                 "hlc": _stamp(9_999_999_999_999)}])
    assert r.json()["results"][0]["status"] == "rejected"
    # HQ moves Nora to the south team: north loses her, south receives her whole
    r = httpx.post(f"{hq.base_url}/v1/admin/move", headers={"Authorization": f"Bearer {boss.token}"},
                   json={"protocol": 1, "entity": "contact", "record_id": cid, "team": "south"})
    assert r.status_code == 200
    r = httpx.post(f"{hq.base_url}/v1/admin/move",
                   headers={"Authorization": f"Bearer {north.token}"},
                   json={"protocol": 1, "entity": "contact", "record_id": cid, "team": "north"})
    assert r.status_code == 403
    north.sync(), south.sync(), boss.sync()
    with north.store.read() as s:
        assert contacts.get(s, cid) is None
    with south.store.read() as s:
        v = contacts.get(s, cid)
        assert v is not None and v.name == "Nora"
    with south.store.write() as tx:
        contacts.update(tx, cid, title="now south's")
    south.sync(), boss.sync()
    with boss.store.read() as s:
        assert contacts.get(s, cid).title == "now south's"
    # and back: north receives it whole again, with south's edit
    service.move_record(hq.db, "contact", cid, "north")
    north.sync(), south.sync()
    with north.store.read() as s:
        assert contacts.get(s, cid).title == "now south's"
    with south.store.read() as s:
        assert contacts.get(s, cid) is None
    assert_converged(hq, boss)


def test_unreachable_server_is_offline_with_nothing_lost(store):
    with store.write() as tx:
        contacts.create(tx, ContactDraft(name="Kept"))
    with SyncClient(store, "http://127.0.0.1:9", "a.b", retries=2, backoff=0.01) as c, \
            pytest.raises(SyncError, match="Cannot reach HQ"):
        c.sync()
    from sync.client import pending_count
    assert pending_count(store) == 1


def test_a_rep_moved_to_another_team_gets_that_teams_records(hq, replicas):
    north, south = replicas("north", team="north"), replicas("sam", team="south")
    with north.store.write() as tx:
        nid = contacts.create(tx, ContactDraft(name="Nora"))
    with south.store.write() as tx:
        sid = contacts.create(tx, ContactDraft(name="Sven"))
    north.sync(), south.sync()
    service.add_rep(hq.db, "sam", team="north")  # Sam joins the north team
    report = south.sync()
    assert report.reset
    with south.store.read() as s:
        assert contacts.get(s, nid) is not None
        assert contacts.get(s, sid) is None  # south's records are no longer Sam's to see


def test_client_falls_back_to_smaller_pages_for_an_older_hq(hq, replicas):
    a, b = replicas("alice"), replicas("bob")
    with a.store.write() as tx:
        ids = [contacts.create(tx, ContactDraft(name=f"P{i}")) for i in range(3)]
    a.sync()
    real = httpx.HTTPTransport()
    asked: list[int] = []

    class OlderHq(httpx.BaseTransport):
        """Answers like HQ before pages grew: more than 5,000 changes a page is a 422."""

        def handle_request(self, request):
            if request.url.path == "/v1/pull":
                asked.append(json.loads(request.read())["limit"])
                if asked[-1] > P.COMPAT_PAGE:
                    return httpx.Response(422, json={
                        "error": "Malformed request: limit: Input should be less than or equal "
                                 "to 5000", "code": "malformed"})
            return real.handle_request(request)

    report = b.sync(transport=OlderHq())
    assert asked[0] == P.MAX_PAGE > P.COMPAT_PAGE and set(asked[1:]) == {P.COMPAT_PAGE}
    assert report.pulled >= 3
    with b.store.read() as s:
        assert all(contacts.get(s, i) for i in ids)
