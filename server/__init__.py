"""Reference central server for Tổ CĐS Desktop sync (FastAPI, SQLAlchemy, Alembic)."""

from desktop import __version__  # one version for the whole project

__all__ = ["__version__"]
