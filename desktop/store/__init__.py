"""Storage: SQLAlchemy models, encrypted SQLite, migrations, the change log."""
