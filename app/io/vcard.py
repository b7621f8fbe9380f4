"""vCard 2.1 / 3.0 / 4.0 reader.

Why not vobject for every card: vobject takes ~0.5 ms per typical card, which alone exceeds the
import budget for 10,000 cards. The fast path below reads the common grammar (folding,
QUOTED-PRINTABLE with soft breaks, per-property CHARSET, escapes, grouped names, typed params)
straight from bytes, so files that are not UTF-8 as a whole still decode value by value. A card
the fast path cannot read is handed to vobject; a card neither can read is skipped and reported.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import datetime as dt
import quopri
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from app.domain import NO_YEAR, CompanyDraft, ContactDraft, Email, Phone
from app.io import addresses, emails, photos
from app.io.decode import guess_legacy, is_utf8, lines
from app.io.errors import FileUnreadable, Message, RecordError


@dataclass
class CardDraft(ContactDraft):
    """A person from a card whose photo is on the web: the import fetches it (the preview
    does not)."""

    photo_url: str = ""


Record = ContactDraft | CompanyDraft | RecordError
_BEGIN = re.compile(rb"^BEGIN\s*:\s*VCARD\s*$", re.I)
_END = re.compile(rb"^END\s*:\s*VCARD\s*$", re.I)
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
                    "big5-hkscs": "big5hkscs", "shift-jis": "shift_jis", "x-sjis": "shift_jis"}


class _Unusual(Exception):
    """The fast path does not handle this card; vobject gets it."""


class _Empty(ValueError):
    """A card with nothing to import (no name, e-mail, phone or company)."""

    label = ""  # what the report calls the card


class _Group(_Empty):
    """A card for a group of the others (their tag, `_groups`), not a person."""

    def __init__(self, name: str) -> None:
        super().__init__(Message("a contact group ({name}), not a person: its members in this "
                                 "file get its name as a tag", name=name))
        self.label = name


NOTHING_IN_CARD = Message("no name, e-mail, phone or company")


def _unreadable(exc: Exception) -> Message:
    return Message("unreadable card ({error})",
                   error=str(exc).splitlines()[0] if str(exc) else type(exc).__name__)


def looks_like_vcard(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").upper()
    return head.startswith(b"BEGIN:VCARD") or head.startswith(b"BEGIN: VCARD")


def _wide(data: bytes) -> bytes:
    """UTF-16/32 files become UTF-8 first, so the byte-level reader below works on them."""
    for bom in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE):
        if data.startswith(bom):
            return data.decode("utf-32", errors="replace").encode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace").encode("utf-8")
    head = data[:200]
    if head[1::2].count(0) > len(head) // 3:
        return data.decode("utf-16-le", errors="replace").encode("utf-8")
    if head[0::2].count(0) > len(head) // 3:
        return data.decode("utf-16-be", errors="replace").encode("utf-8")
    return data.removeprefix(codecs.BOM_UTF8)


def _default_charset(data: bytes) -> str:
    """The encoding of values that carry no CHARSET= and are not UTF-8."""
    if is_utf8(data):
        return "utf-8"
    # guess from the lines that are not UTF-8 (a file may mix a UTF-8 card with GBK ones)
    bad = []
    for line in lines(data):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(line.split(b":", 1)[-1])
            if len(bad) > 400:
                break
    return guess_legacy(b"\n".join(bad))


def read_vcards(data: bytes, path: str = "") -> Iterator[tuple[int, Record]]:
    """Every card in the file, numbered from 1 in file order."""
    data = _wide(data)
    if not looks_like_vcard(data):
        raise FileUnreadable(Message("{file}: this is not a vCard file (it does not start with "
                                     "BEGIN:VCARD).", file=path))
    fallback = _default_charset(data)
    groups = _groups(data, fallback) if _GROUP_KIND.search(data) else {}
    n = 0
    for card in _split_cards(data):
        n += 1
        if isinstance(card, RecordError):
            yield n, card
            continue
        try:
            yield n, _fast(card, fallback, groups)
        except _Unusual:
            yield n, _with_vobject(card, fallback, groups)
        except _Empty as exc:
            yield n, RecordError(exc.args[0], exc.label)
        except (ValueError, LookupError, binascii.Error) as exc:
            yield n, RecordError(_unreadable(exc))


# a card for a group of the others: vCard 4.0's KIND, Apple's own before it
_GROUP_KIND = re.compile(rb"^(?:[\w-]+\.)?(?:X-ADDRESSBOOKSERVER-)?KIND\s*:\s*group\s*$",
                         re.I | re.M)
_MEMBER = ("MEMBER", "X-ADDRESSBOOKSERVER-MEMBER")


def _groups(data: bytes, fallback: str) -> dict[str, list[str]]:
    """{member's UID: the names of its groups} from the file's group cards (Apple's groups,
    which become the members' tags, as categories do; a group card may follow its members)."""
    out: dict[str, list[str]] = {}
    for card in _split_cards(data):
        if isinstance(card, RecordError) or not any(_GROUP_KIND.match(x) for x in card):
            continue
        name, members = "", []
        for line in _unfold(card):
            try:
                prop, params, raw = _parse_line(line)
            except ValueError:
                continue
            if prop == "FN":
                name = _unescape(_decode_value(params, raw, fallback)).strip()
            elif prop in _MEMBER:
                members.append(_uid_key(raw.decode("utf-8", "replace")))
        for uid in members if name else ():
            out.setdefault(uid, []).append(name)
    return out


# vCard 3.0 clients' own messenger properties, and the URI schemes of 4.0's IMPP
_MESSENGERS = {"X-QQ": "QQ", "X-WECHAT": "WeChat", "X-WEIXIN": "WeChat", "X-SKYPE": "Skype",
               "X-SKYPE-USERNAME": "Skype", "X-WHATSAPP": "WhatsApp", "X-JABBER": "XMPP",
               "X-LINE": "LINE", "X-TELEGRAM": "Telegram"}
_SCHEMES = {"qq": "QQ", "weixin": "WeChat", "wechat": "WeChat", "skype": "Skype",
            "whatsapp": "WhatsApp", "xmpp": "XMPP", "line": "LINE", "tg": "Telegram",
            "sip": "SIP", "aim": "AIM", "ymsgr": "Yahoo", "msnim": "MSN", "icq": "ICQ"}


def _handle(name: str, params: dict[str, list[str]], value: str) -> str:
    """"WeChat: wuxm" from IMPP;X-SERVICE-TYPE=WeChat:x-apple:wuxm, IMPP:xmpp:ann@example.org
    or X-QQ:12345; "" for an empty one."""
    value = value.strip()
    if name != "IMPP":
        return f"{_MESSENGERS[name]}: {value}" if value else ""
    scheme, sep, rest = value.partition(":")
    if not sep or " " in scheme:
        scheme, rest = "", value
    scheme = scheme.lower()
    service = (params.get("X-SERVICE-TYPE") or [""])[0].strip() or _SCHEMES.get(scheme) or (
        "IM" if not scheme or scheme.startswith("x-") else scheme.upper())  # (x-apple:…)
    rest = rest.lstrip("/").strip()
    return f"{service}: {rest}" if rest else ""


def with_handles(note: str, handles: list[str]) -> str:
    """The note with the messenger handles ("WeChat: wuxm", "微信: wxid_…") it does not hold
    yet (a rep may have typed one into it)."""
    return "\n".join(x for x in (note, *(h for h in handles if h not in note)) if x)


def _uid_key(text: str) -> str:
    """A card's UID as a group's MEMBER names it ("urn:uuid:…" or the bare id)."""
    text = text.strip()
    return (text[9:] if text[:9].lower() == "urn:uuid:" else text).lower()


def _split_cards(data: bytes) -> Iterator[list[bytes] | RecordError]:
    card: list[bytes] | None = None
    depth = 0
    for line in lines(data):
        if _BEGIN.match(line):
            if card is not None and (depth or card and card[-1][:5].upper() == b"AGENT"):
                depth += 1  # a nested card (2.1 AGENT:): kept inside the outer one
            else:
                if card is not None:
                    yield RecordError(Message("card without END:VCARD"))
                card = []
                continue
        elif card is not None and _END.match(line):
            if depth:
                depth -= 1
            else:
                yield card
                card = None
                continue
        if card is not None:
            card.append(line)
    if card is not None:
        yield RecordError(Message("card without END:VCARD (file cut short?)"))


_B64_LINE = re.compile(rb"^[A-Za-z0-9+/=]+$")


def _unfold(lines: list[bytes]) -> list[bytes]:
    """The card's logical lines: folded and QUOTED-PRINTABLE-continued lines joined. A folded
    line grows in place, and its name is read once (joining bytes copied the line so far at
    every fold: a 100 KB photo folded over 1,400 lines took 5 ms a card)."""
    out: list[bytes | bytearray] = []
    head: bytes | bytearray | None = None  # the last line's name and parameters, upper case
    qp_open = b64_open = grown = False  # grown: the last line is a bytearray, to make bytes
    for line in lines:
        if qp_open and out:
            cur = _growing(out)
            del cur[-1:]  # QP soft line break: "=" at the end
            cur += line
        elif line[:1] in (b" ", b"\t") and out:
            _growing(out).extend(memoryview(line)[1:])
        elif not line.strip():
            continue
        elif b64_open and _B64_LINE.match(line):
            _growing(out).extend(line)  # 2.1 base64 continued without indentation (phones)
        else:  # a line of its own, nearly every line
            if grown:
                out[-1], grown = bytes(out[-1]), False
            out.append(line)
            colon = line.find(b":")
            head = name = (line if colon < 0 else line[:colon]).upper()
            if colon < 0:
                head = None
            qp_open = b"QUOTED-PRINTABLE" in name and line.endswith(b"=")
            b64_open = b"BASE64" in name or b"ENCODING=B" in name
            continue
        grown, cur = True, out[-1]
        name = head
        if name is None:  # (until its ':' is read: the name and parameters, a short text)
            colon = cur.find(b":")
            name = (cur if colon < 0 else cur[:colon]).upper()
            if colon >= 0:
                head = name
        qp_open = b"QUOTED-PRINTABLE" in name and cur.endswith(b"=")
        b64_open = b"BASE64" in name or b"ENCODING=B" in name
    if grown:
        out[-1] = bytes(out[-1])
    return out  # type: ignore[return-value]  # (bytes again, every one)


def _growing(out: list[bytes | bytearray]) -> bytearray:
    """The last line, to add a folded piece to in place."""
    if type(out[-1]) is not bytearray:
        out[-1] = bytearray(out[-1])
    return out[-1]  # type: ignore[return-value]


def _split_unquoted(text: bytes, sep: bytes) -> list[bytes]:
    if b'"' not in text:
        return text.split(sep)
    parts, cur, quoted = [], bytearray(), False
    for ch in text:
        b = bytes((ch,))
        if b == b'"':
            quoted = not quoted
        elif b == sep and not quoted:
            parts.append(bytes(cur))
            cur = bytearray()
            continue
        cur += b
    parts.append(bytes(cur))
    return parts


def _parse_line(line: bytes) -> tuple[str, dict[str, list[str]], bytes]:
    colon = line.find(b":")
    if colon < 0:
        raise ValueError("a line without ':'")
    head = line[:colon]
    if b'"' in head:  # a quoted parameter value may hold ':'
        quoted, colon = False, len(line)
        for pos, ch in enumerate(line):
            if ch == 34:
                quoted = not quoted
            elif ch == 58 and not quoted:
                colon = pos
                break
        head = line[:colon]
    value = line[colon + 1:]
    parts = _split_unquoted(head, b";")
    name = parts[0].strip().decode("ascii", "replace").upper()
    if "." in name:
        name = name.rsplit(".", 1)[1]  # Apple's "item1.EMAIL"
    params: dict[str, list[str]] = {}
    for p in parts[1:]:
        text = p.decode("ascii", "replace").strip()
        if not text:
            continue
        if "=" in text:
            k, v = text.split("=", 1)
            vals = [x.strip().strip('"') for x in v.split(",")]
            params.setdefault(k.strip().upper(), []).extend(vals)
        else:  # vCard 2.1 bare types: TEL;WORK;VOICE; bare ENCODING values too
            up = text.upper()
            if up in ("QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"):
                params.setdefault("ENCODING", []).append(up)
            else:
                params.setdefault("TYPE", []).append(up)
    return name, params, value


def _decode_value(params: dict[str, list[str]], raw: bytes, fallback: str) -> str:
    enc = {e.upper() for e in params.get("ENCODING", [])}
    if "QUOTED-PRINTABLE" in enc:
        raw = quopri.decodestring(raw)
    charset = (params.get("CHARSET") or [""])[0].lower()
    if charset:
        charset = _CHARSET_ALIASES.get(charset, charset)
        try:
            return raw.decode(charset).replace("\r\n", "\n").replace("\r", "\n")
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode(fallback, errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


_ESC = re.compile(r"\\(.)", re.S)


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _ESC.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def _split_escaped(text: str, sep: str) -> list[str]:
    if "\\" not in text:
        return text.split(sep)
    parts, cur, i = [], [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            cur.append(text[i:i + 2])
            i += 2
            continue
        if ch == sep:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    parts.append("".join(cur))
    return parts


def _types(params: dict[str, list[str]]) -> set[str]:
    return {t.upper() for t in params.get("TYPE", [])}


def phone_kind(types: set[str]) -> str:
    if "FAX" in types:
        return "fax"
    if "CELL" in types or "MOBILE" in types or "IPHONE" in types:
        return "mobile"
    if "HOME" in types:
        return "home"
    if "WORK" in types:
        return "work"
    return "other" if types - {"VOICE", "PREF", "MAIN"} else "work"


def email_kind(types: set[str]) -> str:
    if "HOME" in types:
        return "home"
    if "OTHER" in types:
        return "other"
    return "work"


_MONTH_DAY = re.compile(r"(\d{1,2})月(\d{1,2})[日号]")


def parse_date(text: str, omit_year: str = "") -> dt.date | None:
    """A date as address books write it. One without a year (`--0415`, `--04-15`, or Apple's
    1604-04-15 with `X-APPLE-OMIT-YEAR=1604`: `omit_year`) is kept in the year `NO_YEAR`."""
    text = unicodedata.normalize("NFKC", text).strip()  # (full-width digits: １９９０年)
    if (day := _MONTH_DAY.fullmatch(text)) is not None:  # 3月5日: a Chinese sheet's, no year
        text = f"--{int(day[1]):02}{int(day[2]):02}"
    if text.startswith("--"):
        digits = text[2:].replace("-", "")
        if len(digits) != 4 or not digits.isdigit():
            return None  # a month alone, or a day alone: no birthday to keep
        try:
            return dt.date(NO_YEAR, int(digits[:2]), int(digits[2:]))
        except ValueError:
            return None
    text = text.split("T")[0]
    for fmt in ("%Y-%m-%d", "%Y%m%d", "%Y/%m/%d", "%d.%m.%Y", "%m/%d/%Y", "%Y.%m.%d",
                "%Y年%m月%d日", "%Y年%m月%d号"):
        try:
            d = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if omit_year and str(d.year) == omit_year.strip():
            return d.replace(year=NO_YEAR)
        return d if 1800 < d.year < 2200 or d.year == NO_YEAR else None
    return None


def _address(parts: list[str]) -> str:
    # pobox; extended; street; locality; region; postal code; country
    pobox, ext, street, city, region, code, country = (parts + [""] * 7)[:7]
    return addresses.join(street, city, region, code, country, extra=(ext, pobox))


def _photo(params: dict[str, list[str]], raw: bytes) -> tuple[bytes, str] | str | None:
    """(data, mime) for an inline or local photo, the URL for a web photo, else None."""
    enc = {e.upper() for e in params.get("ENCODING", [])}
    raw = raw.strip()
    if raw[:5].lower() == b"data:":
        head, _, body = raw.partition(b",")
        mime = head[5:].split(b";")[0].decode("ascii", "replace") or "image/jpeg"
        if b";base64" in head.lower():
            return base64.b64decode(body, validate=False), mime  # (skips the line breaks)
        return None
    if enc & {"B", "BASE64"}:
        kind = next((t for t in _types(params) if t not in ("PREF",)), "JPEG").lower()
        mime = kind if "/" in kind else f"image/{kind}"
        return base64.b64decode(raw, validate=False), mime
    uri = raw.decode("utf-8", "replace").strip()
    if uri.lower().startswith("file:"):
        return photos.read_local(uri)  # Evolution keeps photos in files beside the book
    if photos.is_web(uri):
        return uri
    return None


def _extra_address(params: dict[str, list[str]], text: str) -> str:
    t = _types(params)
    label = "Home address" if "HOME" in t else "Work address" if "WORK" in t else "Address"
    return f"{label}: {text}"


def _fast(lines: list[bytes], fallback: str, groups: dict[str, list[str]] | None = None
          ) -> ContactDraft | CompanyDraft:
    """`groups`: the file's groups by member UID (`_groups`)."""
    d = CardDraft()
    uid = ""
    handles: list[str] = []  # messenger handles, kept in the note ("WeChat: wuxm")
    not_mail: list[str] = []  # EMAIL values that hold no address, kept in the note
    addresses: list[tuple[int, str, str]] = []
    titles: list[str] = []
    odd_birthday = ""
    org_card = group_card = False
    for line in _unfold(lines):
        if line[:6].upper() == b"BEGIN:":
            raise _Unusual  # nested card
        try:
            name, params, raw = _parse_line(line)
        except ValueError:
            continue  # a stray line without "name:": the rest of the card still counts
        if name in ("KIND", "X-ABSHOWAS", "X-ADDRESSBOOKSERVER-KIND"):
            kind = raw.strip().lower()
            # 4.0 / Apple: a card for a company, or for a group of the other cards
            org_card = org_card or kind in (b"org", b"organization", b"company")
            group_card = group_card or kind == b"group"
            continue
        if name == "UID":
            uid = raw.decode("utf-8", "replace")
            continue
        if name == "IMPP" or name in _MESSENGERS:
            handle = _handle(name, params, _unescape(_decode_value(params, raw, fallback)))
            if handle and handle not in handles:
                handles.append(handle)
            continue
        if name in ("VERSION", "PRODID", "REV", "LABEL") or name.startswith("X-"):
            continue
        if name in ("PHOTO", "LOGO"):
            if name == "PHOTO" and d.photo is None and not d.photo_url:
                got = _photo(params, raw)
                if isinstance(got, str):
                    d.photo_url = got
                elif got:
                    d.photo, d.photo_mime = got
            continue
        value = _decode_value(params, raw, fallback)
        if name == "FN":
            d.name = _unescape(value).strip()
        elif name == "N":
            parts = [_unescape(p).strip() for p in _split_escaped(value, ";")] + [""] * 5
            d.family_name, d.given_name = parts[0], " ".join(x for x in (parts[1], parts[2]) if x)
        elif name == "ORG":
            parts = [_unescape(p).strip() for p in _split_escaped(value, ";")]
            d.company = parts[0]
            d.department = " / ".join(p for p in parts[1:] if p)
        elif name in ("TITLE", "ROLE"):
            if _unescape(value).strip():
                titles.append(_unescape(value).strip())
        elif name == "TEL":
            number = _unescape(value).strip().removeprefix("tel:")
            if number:
                d.phones.append(Phone(number, phone_kind(_types(params))))
        elif name == "EMAIL":
            found, rest = emails.addresses(_unescape(value))
            d.emails += [Email(a, email_kind(_types(params))) for a in found]
            not_mail.append(rest)
        elif name == "ADR":
            text = _address([_unescape(p) for p in _split_escaped(value, ";")])
            if text:
                t = _types(params)
                rank = 0 if "PREF" in t or "PREF" in params else 1 if "WORK" in t else 2
                addresses.append((rank, text, _extra_address(params, text)))
        elif name == "URL":
            url = _unescape(value).strip()
            if url:
                d.websites.append(url)
        elif name == "NOTE":
            d.note = "\n".join(x for x in (d.note, _unescape(value).strip()) if x)
        elif name == "CATEGORIES":
            d.tags += [t for t in (_unescape(x).strip() for x in _split_escaped(value, ",")) if t]
        elif name == "BDAY":
            d.birthday = parse_date(value, (params.get("X-APPLE-OMIT-YEAR") or [""])[0])
            if d.birthday is None and value.strip():  # "明年3月": the writer's words, kept
                odd_birthday = f"Birthday: {_unescape(value).strip()}"
        elif name == "AGENT":
            raise _Unusual
    if addresses:
        # the contact has one address: the preferred (or work) one; the others are kept in
        # the note rather than lost
        main = min(addresses, key=lambda a: a[0])
        d.address = main[1]
        d.keep_in_note([a[2] for a in addresses if a is not main and a[1] != main[1]])
    d.keep_in_note([*emails.set_aside(not_mail), odd_birthday])
    d.note = with_handles(d.note, handles)
    if titles:
        d.title = titles[0]
        if len(titles) > 1 and titles[1] != titles[0]:
            d.note = "\n".join(x for x in (d.note, f"Role: {titles[1]}") if x)
    if group_card:  # (its members are cards of their own)
        raise _Group(d.display_name() or Message("no name"))
    if groups and uid:
        d.tags += [g for g in groups.get(_uid_key(uid), ()) if g not in d.tags]
    if not (d.display_name() or d.emails or d.phones or d.company):
        raise _Empty(NOTHING_IN_CARD)
    if bool(d.family_name) != bool(d.given_name) and \
            (d.family_name or d.given_name).strip() == d.name.strip():
        # N holding the whole name in one part (Outlook's cards, Satchel's own export of a
        # name never split): no parts, so a re-import finds nothing new
        d.family_name = d.given_name = ""
    if d.company and not (d.family_name or d.given_name) and \
            d.name.strip().casefold() == d.company.strip().casefold():
        org_card = True  # Outlook's company entry: FN is the company, no N
    if d.company and (org_card or not (d.display_name() or d.emails)):
        return _company(d)  # a card for a company alone
    if not d.display_name() and d.company and not (d.emails or d.phones):
        d.name = d.company
    return d


def _company(d: ContactDraft) -> CompanyDraft:
    # a company has one phone and one website; the rest (and its e-mail) is kept in the note
    extra = [f"E-mail: {e.address}" for e in d.emails] + \
        [f"Phone: {p.number}" for p in d.phones[1:]] + [f"Website: {u}" for u in d.websites[1:]]
    return CompanyDraft(name=d.company, address=d.address,
                        phone=d.phones[0].number if d.phones else "",
                        website=d.websites[0] if d.websites else "",
                        note="\n".join(x for x in (d.note, *extra) if x), tags=d.tags)


def _with_vobject(lines: list[bytes], fallback: str,
                  groups: dict[str, list[str]] | None = None) -> Record:
    import vobject

    text = b"\r\n".join([b"BEGIN:VCARD", *lines, b"END:VCARD"]).decode(fallback, "replace")
    try:
        card = vobject.readOne(text, allowQP=True, ignoreUnreadable=True)
    except Exception as exc:  # vobject raises many kinds; any of them means "unreadable card"
        return RecordError(_unreadable(exc))
    # what vobject understood, in the grammar the fast path reads (nested cards dropped)
    try:
        for nested in [*card.contents.get("agent", []), *card.contents.get("vcard", [])]:
            card.remove(nested)
        text = card.serialize()
        return _fast(text.encode("utf-8").split(b"\r\n")[1:-2], "utf-8", groups)
    except _Empty as exc:
        return RecordError(exc.args[0], exc.label)
    except Exception:  # noqa: BLE001 - vobject cannot write it back: keep the basic fields
        pass
    d = ContactDraft()
    c = card.contents
    if "fn" in c:
        d.name = str(c["fn"][0].value).strip()
    if "n" in c:
        n = c["n"][0].value
        d.family_name, d.given_name = str(getattr(n, "family", "")), str(getattr(n, "given", ""))
    if "org" in c:
        org = c["org"][0].value
        org = org if isinstance(org, list) else [str(org)]
        d.company = org[0] if org else ""
        d.department = " / ".join(org[1:])
    if "title" in c:
        d.title = str(c["title"][0].value)
    for tel in c.get("tel", []):
        d.phones.append(Phone(str(tel.value), phone_kind({t.upper() for t in tel.params.get("TYPE", [])})))
    for em in c.get("email", []):  # (only addresses, as in `_fast`)
        kind = email_kind({t.upper() for t in em.params.get("TYPE", [])})
        d.emails += [Email(a, kind) for a in emails.addresses(str(em.value))[0]]
    if "note" in c:
        d.note = str(c["note"][0].value)
    if not (d.display_name() or d.emails or d.phones or d.company):
        return RecordError(NOTHING_IN_CARD)
    return d
