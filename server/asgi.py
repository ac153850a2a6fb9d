"""The application for server processes started by import string (`tocds-server serve --workers N`):
each worker builds it from the settings `serve` leaves in its environment."""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI

DB_ENV, DATA_ENV, DOCS_ENV, DIAGNOSTICS_ENV = ("TOCDS_SERVER_DB", "TOCDS_SERVER_DATA_DIR", "TOCDS_SERVER_DOCS",
                                               "TOCDS_SERVER_DIAGNOSTICS")


def app() -> FastAPI:
    from server import heap
    from server.app import create_app

    built = create_app(os.environ[DB_ENV], Path(os.environ[DATA_ENV]), docs=os.environ.get(DOCS_ENV) == "1",
                       diagnostics=os.environ.get(DIAGNOSTICS_ENV) == "1")
    heap.settle()  # a serving process (in-process test servers build the app themselves and keep Python's settings)
    return built
