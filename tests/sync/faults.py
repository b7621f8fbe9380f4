"""Network faults for sync tests: an httpx transport that loses requests or responses,
duplicates messages and replays old ones, in front of a real HTTP connection."""

from __future__ import annotations

import random

import httpx


class FaultyTransport(httpx.BaseTransport):
    FAULTS = ("lose_request", "lose_response", "duplicate", "replay_old")

    def __init__(self, rng: random.Random | None = None, rate: float = 0.0) -> None:
        self.inner = httpx.HTTPTransport()
        self.rng = rng or random.Random(0)
        self.rate = rate
        self.plan: list[str | None] = []  # faults for the next requests, in order
        self.history: list[httpx.Request] = []
        self.injected: dict[str, int] = dict.fromkeys(self.FAULTS, 0)

    def _next_fault(self) -> str | None:
        if self.plan:
            return self.plan.pop(0)
        if self.rate and self.rng.random() < self.rate:
            return self.rng.choice(self.FAULTS)
        return None

    @staticmethod
    def _copy(request: httpx.Request) -> httpx.Request:
        return httpx.Request(request.method, request.url, headers=request.headers,
                             content=request.content)

    def _send(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(self._copy(request))
        response.read()
        return response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        fault = self._next_fault()
        if fault:
            self.injected[fault] += 1
        if fault == "lose_request":
            raise httpx.ConnectError("injected fault: request lost", request=request)
        if fault == "replay_old" and self.history:  # an old message arrives late (reordered)
            self._send(self.rng.choice(self.history))
        response = self._send(request)
        self.history = (self.history + [self._copy(request)])[-20:]
        if fault == "lose_response":
            raise httpx.ReadError("injected fault: response lost", request=request)
        if fault == "duplicate":  # the same message delivered twice
            response = self._send(request)
        return httpx.Response(response.status_code, headers=response.headers,
                              content=response.content, request=request)

    def close(self) -> None:
        self.inner.close()
