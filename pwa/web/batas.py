"""Rate limits (batas) for what strangers can do without signing in: look a request up, file a
request or a pengaduan, make the server speak or listen.

Counted in the database (store/batas.py), so every worker process of the app sees the same
attempts; `MENTARI_PROXIES` tells how many proxies stand in front, so the client is the real
one and not the proxy. Limits per client are kept generous because a whole village can share
one address behind a phone operator's NAT; what an attacker wants (one registration number,
one phone) gets its own, strict limit.
"""
import functools
import time

from flask import abort, current_app, request
from limits import parse

from ..store import batas as store
from .db import get_db


def enabled() -> bool:
    return current_app.config.get("RATELIMIT_ENABLED", True)


def client() -> str:
    return request.remote_addr or "?"


def _window(rate: str) -> tuple[int, int]:
    item = parse(rate)
    return item.amount, item.get_expiry()


def hit(name: str, key: str, rate: str) -> bool:
    """Count an attempt; True when this one is over the limit."""
    if not enabled():
        return False
    amount, window = _window(rate)
    return store.hit(get_db(), f"{name}:{key}", window, time.time()) > amount


def reached(name: str, key: str, rate: str) -> bool:
    """Whether the limit is used up already, without counting (e.g. wrong guesses so far)."""
    if not enabled():
        return False
    amount, window = _window(rate)
    return store.count(get_db(), f"{name}:{key}", window, time.time()) >= amount


def per_client(name: str, rate, methods=("POST",)):
    """A view decorator: at most `rate` (e.g. "10 per minute", or a function of the config
    returning one) requests of these methods from one client; then 429."""
    def wrap(view):
        @functools.wraps(view)
        def inner(*args, **kwargs):
            if request.method in methods:
                chosen = rate(current_app.config) if callable(rate) else rate
                if hit(name, client(), chosen):
                    abort(429)
            return view(*args, **kwargs)
        return inner
    return wrap
