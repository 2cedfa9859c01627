"""ASGI factory for multi-process serving: ``uvicorn --factory caseworker.server.asgi:app``.

Reads the settings from the environment / ``CASEWORKER_SERVER_CONFIG`` (docs/server.md)."""

from __future__ import annotations

from fastapi import FastAPI

from . import db
from .app import create_app
from .settings import load_settings


def app() -> FastAPI:
    settings = load_settings()
    engine = db.make_engine(settings.database_url, pool_size=settings.db_pool_size)
    return create_app(settings, engine=engine, serving=True)
