"""LDIF from Thunderbird/Mozilla address books: `attr: value`, `attr:: base64`, folded lines."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator

from app.domain import ContactDraft, Email, Phone
from app.io import addresses, emails
from app.io.errors import NOTHING_TO_IMPORT, FileUnreadable, Message, RecordError
from app.io.vcard import parse_date

_PHONES = {"telephonenumber": "work", "mobile": "mobile", "homephone": "home",
           "facsimiletelephonenumber": "fax", "pager": "other", "mozillahomephone": "home"}


def looks_like_ldif(text: str) -> bool:
    head = text[:4096].lstrip()
    return head.lower().startswith(("dn:", "version:", "dn::")) or "\ndn:" in head[:2048]


def _entries(text: str) -> Iterator[list[str]]:
    """Each entry's lines, folded ones joined (their pieces once: adding each to the line so
    far copied it at every fold, quadratic in a folded jpegPhoto)."""
    cur: list[list[str]] = []
    for raw in text.splitlines():
        if raw.startswith(" ") and cur:
            cur[-1].append(raw[1:])
        elif not raw.strip():
            if cur:
                yield ["".join(pieces) for pieces in cur]
                cur = []
        elif not raw.startswith("#"):
            cur.append([raw])
    if cur:
        yield ["".join(pieces) for pieces in cur]


def read_ldif(text: str, path: str = "") -> Iterator[tuple[int, ContactDraft | RecordError]]:
    if not looks_like_ldif(text):
        raise FileUnreadable(Message("{file}: this is not an LDIF file (no 'dn:' line).",
                                     file=path))
    lists = _lists(text) if _LIST_CLASS.search(text) else {}
    n = 0
    for lines in _entries(text):
        attrs, bad = _attributes(lines)
        if "version" in attrs and len(attrs) == 1:
            continue  # the "version: 1" header
        n += 1
        if _is_list(attrs):
            name = (attrs.get("cn") or [Message("no name")])[0]
            yield n, RecordError(Message("a mailing list ({name}), not a person: its members in "
                                         "this file get its name as a tag", name=name), name)
            continue
        d = _draft(attrs, bad)
        if lists and isinstance(d, ContactDraft):
            d.tags += [t for t in lists.get(_dn_key((attrs.get("dn") or [""])[0]), ())
                       if t not in d.tags]
        yield n, d


def _attributes(lines: list[str]) -> tuple[dict[str, list[str]], str]:
    """An entry's attributes (lower-case names, base64 values decoded) and what was wrong."""
    attrs: dict[str, list[str]] = {}
    bad = ""
    for line in lines:
        key, sep, value = line.partition(":")
        if not sep:
            bad = Message("line without ':' ({line})", line=line[:40])
            continue
        if value.startswith(":"):
            try:
                value = base64.b64decode(value[1:].strip(), validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError, ValueError):
                bad = Message("attribute {key} is not valid base64 UTF-8", key=key)
                continue
        elif value.startswith("<"):
            continue  # a URL reference: nothing to read offline
        attrs.setdefault(key.strip().lower(), []).append(value.strip())
    return attrs, bad


_LIST_CLASS = re.compile(r"^objectclass:\s*(?:groupofnames|mozillaabgroup)\s*$", re.I | re.M)


def _is_list(attrs: dict[str, list[str]]) -> bool:
    """A Thunderbird mailing list, not a person."""
    classes = {c.lower() for c in attrs.get("objectclass", [])}
    return "groupofnames" in classes or "mozillaabgroup" in classes


def _lists(text: str) -> dict[str, list[str]]:
    """{member's dn: the names of its mailing lists}: Thunderbird's lists become their members'
    tags (a list may come before or after its members)."""
    out: dict[str, list[str]] = {}
    for lines in _entries(text):
        attrs, _ = _attributes(lines)
        name = (attrs.get("cn") or [""])[0]
        if _is_list(attrs) and name:
            for member in attrs.get("member", []):
                out.setdefault(_dn_key(member), []).append(name)
    return out


def _dn_key(dn: str) -> str:
    """'cn=Ann Lee, mail=ann@example.org' and 'cn=Ann Lee,mail=ann@example.org' alike."""
    return ",".join(part.strip() for part in dn.split(",")).casefold()


def _draft(a: dict[str, list[str]], bad: Message | str) -> ContactDraft | RecordError:
    one = {k: v[0] for k, v in a.items() if v}
    d = ContactDraft(
        name=one.get("cn", ""), given_name=one.get("givenname", ""),
        family_name=one.get("sn", ""), title=one.get("title", ""),
        department=one.get("ou", "") or one.get("department", ""),
        company=one.get("o", "") or one.get("company", ""), note=one.get("description", ""))
    not_mail = []
    for k in ("mail", "mozillasecondemail"):
        for x in a.get(k, []):
            found, rest = emails.addresses(x)
            d.emails += [Email(address) for address in found]
            not_mail.append(rest)
    d.keep_in_note(emails.set_aside(not_mail))
    for k, kind in _PHONES.items():
        d.phones += [Phone(x, kind) for x in a.get(k, []) if x]
    d.address = addresses.join(
        one.get("street") or one.get("postaladdress", ""), one.get("l", ""), one.get("st", ""),
        one.get("postalcode", ""), one.get("c", ""), extra=(one.get("mozillapostaladdress2", ""),))
    d.websites = [x for k in ("mozillaworkurl", "workurl", "labeleduri", "mozillahomeurl")
                  for x in a.get(k, []) if x]
    if {"birthmonth", "birthday"} <= one.keys():  # (the year may be left out)
        d.birthday = parse_date(
            f"{one.get('birthyear') or '-'}-{one['birthmonth']:0>2}-{one['birthday']:0>2}")
    if not (d.display_name() or d.emails or d.phones):
        return RecordError(bad or NOTHING_TO_IMPORT)
    return d
