"""Errors an operator or a client can cause; str() is the message."""


class HqError(Exception):
    """An operator/user error with a message (CLI prints it; API maps it to 4xx)."""


class NotFoundError(HqError):
    pass
