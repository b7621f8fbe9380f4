"""HQ's HTTP API (FastAPI): /v1/health (no token), /v1/push, /v1/pull, /v1/admin/move.

Bearer device tokens; a malformed request gets a 4xx with a message (never a 500); a client
speaking another protocol version gets 426 "please update". OpenAPI at /openapi.json.
"""

import json
import logging
from typing import Annotated

from fastapi import Depends, FastAPI, Header, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync import protocol as P
from sync.server import service
from sync.server.db import Database

log = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(self, status: int, message: str, code: str = "error") -> None:
        super().__init__(message)
        self.status, self.message, self.code = status, message, code


def _error(status: int, message: str, code: str = "error", **headers: str) -> JSONResponse:
    return JSONResponse({"error": message, "code": code}, status_code=status, headers=headers)


def _json(obj: dict) -> Response:
    return Response(json.dumps(obj, ensure_ascii=False, separators=(",", ":")),
                    media_type="application/json")


def _check_protocol(version: int) -> None:
    if version > P.PROTOCOL_VERSION:
        raise ApiError(
            426,
            f"This Satchel speaks sync protocol {version}, newer than HQ's "
            f"{P.PROTOCOL_VERSION}. Please ask HQ to update the sync server.", "protocol")
    if version < P.MIN_PROTOCOL_VERSION:
        raise ApiError(
            426,
            f"This Satchel speaks sync protocol {version}; HQ speaks {P.MIN_PROTOCOL_VERSION}"
            f"–{P.PROTOCOL_VERSION}. Please update Satchel to sync with HQ.",
            "protocol")


def current_rep(request: Request,
                authorization: Annotated[str | None, Header()] = None) -> service.Rep:
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ApiError(401, "A device token is required: ask HQ for one and enter it in "
                       "the sync settings.", "unauthorized")
    rep = service.authenticate(request.app.state.db, authorization[7:])
    if rep is None:
        raise ApiError(401, "This device token is wrong or was revoked: ask HQ for a new "
                       "one.", "unauthorized")
    return rep


RepDep = Annotated[service.Rep, Depends(current_rep)]


def create_app(db: Database) -> FastAPI:
    clock = service.ServerClock()
    app = FastAPI(title="Satchel HQ", version=str(P.PROTOCOL_VERSION),
                  description="Sync service of Satchel: push field changes, pull pages.")
    app.state.db, app.state.clock = db, clock

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > P.MAX_BODY_BYTES):
            return _error(413, f"Request too large (limit {P.MAX_BODY_BYTES // 2**20} MB): "
                          "send fewer changes per batch.", "too_large")
        return await call_next(request)

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError):
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else {}
        return _error(exc.status, exc.message, exc.code, **headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError):
        body = getattr(exc, "body", None)
        version = body.get("protocol") if isinstance(body, dict) else None
        if isinstance(version, int) and version != P.PROTOCOL_VERSION:
            try:  # another protocol's request shape: say "please update", not "malformed"
                _check_protocol(version)
            except ApiError as err:
                return _error(err.status, err.message, err.code)
        if not isinstance(body, dict | list):
            return _error(422, "Malformed request: the body must be a JSON object sent with "
                          "Content-Type: application/json.", "malformed")
        parts = []
        for e in exc.errors()[:5]:
            where = ".".join(str(x) for x in e.get("loc", ()) if x != "body")
            parts.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
        return _error(422, "Malformed request: " + "; ".join(parts), "malformed")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException):
        return _error(exc.status_code, str(exc.detail), "http")

    @app.exception_handler(Exception)
    async def _bug(_request: Request, exc: Exception):  # logged with traceback, never shown
        log.exception("internal error")
        return _error(500, "HQ hit an internal error; it was logged. Try again later.",
                      "internal")

    @app.get("/v1/health", response_model=P.Health)
    def health() -> dict:
        return {"status": "ok", "protocol": P.PROTOCOL_VERSION,
                "min_protocol": P.MIN_PROTOCOL_VERSION, "server_hlc": clock.now()}

    @app.post("/v1/push", response_model=P.PushResponse,
              responses={401: {"model": P.ErrorBody}, 426: {"model": P.ErrorBody}})
    def push(req: P.PushRequest, rep: RepDep) -> Response:
        _check_protocol(req.protocol)
        return _json(service.push(db, clock, rep, req))

    @app.post("/v1/pull", response_model=P.PullResponse,
              responses={401: {"model": P.ErrorBody}, 426: {"model": P.ErrorBody}})
    def pull(req: P.PullRequest, rep: RepDep) -> Response:
        _check_protocol(req.protocol)
        return Response(service.pull_json(db, clock, rep, req), media_type="application/json")

    @app.post("/v1/admin/move", responses={403: {"model": P.ErrorBody}})
    def move(req: P.MoveRequest, rep: RepDep) -> dict:
        _check_protocol(req.protocol)
        if not rep.is_admin:
            raise ApiError(403, "Only an HQ admin can move records between teams.", "forbidden")
        try:
            return {"entries": service.move_record(db, req.entity, req.record_id, req.team)}
        except service.NotFoundError as exc:
            raise ApiError(404, str(exc), "not_found") from None

    return app


def create_app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory` / several worker processes: the database from
    $SATCHEL_HQ_DB (each process opens its own pool; HQ keeps no other state)."""
    from sync.server.db import connect

    return create_app(connect())
