"""Record identifiers: client-made UUIDv7 strings, so records are created offline and sort by time."""

import uuid6


def new_id() -> str:
    return str(uuid6.uuid7())
