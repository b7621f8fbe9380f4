"""Reps and their device tokens: `<id>.<secret>`, only sha256(secret) is stored."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from sync.server.db import Database
from sync.server.errors import HqError, NotFoundError
from sync.server.models import HqMeta, HqRep, HqToken, utcnow
from sync.server.ordering import lock_counter


@dataclass(frozen=True)
class Rep:
    id: int
    name: str
    team: str
    is_admin: bool
    token_id: str = ""


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _new_token(session: Session, rep_id: int) -> str:
    token_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    session.add(HqToken(id=token_id, rep_id=rep_id, secret_hash=_hash(secret)))
    return f"{token_id}.{secret}"


def add_rep(db: Database, name: str, team: str = "default", admin: bool = False) -> str:
    """Create a rep (or a new device token for an existing one); returns the token."""
    name, team = name.strip(), team.strip() or "default"
    if not name:
        raise HqError("A rep needs a name.")
    with db.write() as s, s.begin():
        rep = s.scalars(select(HqRep).where(HqRep.name == name)).first()
        if rep is None:
            rep = HqRep(name=name, team=team, is_admin=admin)
            s.add(rep)
            s.flush()
        elif (rep.team, rep.is_admin) != (team, admin):
            # the rep now sees other records: its devices rebuild from scratch (their cursors
            # were positions in what the old role could see)
            rep.team, rep.is_admin = team, admin
            s.merge(HqMeta(key=f"rep_reset:{rep.id}", value=str(lock_counter(s))))
        return _new_token(s, rep.id)


def revoke_token(db: Database, token_or_id: str) -> int:
    """Revoke a token (given whole or by its id), or every token of a rep given by name."""
    key = token_or_id.strip().split(".", 1)[0]
    now = utcnow()
    with db.write() as s, s.begin():
        rep_ids = select(HqRep.id).where(HqRep.name == token_or_id.strip())
        n = s.execute(
            update(HqToken)
            .where(or_(HqToken.id == key, HqToken.rep_id.in_(rep_ids)),
                   HqToken.revoked_at.is_(None))
            .values(revoked_at=now)
        ).rowcount
    if not n:
        raise NotFoundError(f"No active token or rep named {token_or_id!r} (see list-reps).")
    return n


def list_reps(db: Database) -> list[dict[str, Any]]:
    with db.read() as s:
        out = []
        for rep in s.scalars(select(HqRep).order_by(HqRep.name)):
            tokens = s.scalars(select(HqToken).where(HqToken.rep_id == rep.id)
                               .order_by(HqToken.created_at)).all()
            out.append({
                "name": rep.name, "team": rep.team, "admin": rep.is_admin,
                "tokens": [{"id": t.id, "created_at": t.created_at.isoformat(timespec="seconds"),
                            "revoked": t.revoked_at is not None} for t in tokens],
            })
        return out


def authenticate(db: Database, token: str) -> Rep | None:
    token_id, _, secret = token.strip().partition(".")
    if not token_id or not secret or len(token_id) > 16:
        return None
    with db.read() as s:
        row = s.execute(
            select(HqToken.secret_hash, HqRep.id, HqRep.name, HqRep.team, HqRep.is_admin)
            .join(HqRep, HqRep.id == HqToken.rep_id)
            .where(HqToken.id == token_id, HqToken.revoked_at.is_(None))
        ).first()
    if row is None or not hmac.compare_digest(row[0], _hash(secret)):
        return None
    return Rep(row[1], row[2], row[3], row[4], token_id)
