"""Errors a user can cause: str() is a message saying what happened and what to do."""


class ServiceError(Exception):
    pass


class NotFound(ServiceError):
    pass


class InvalidInput(ServiceError):
    pass
