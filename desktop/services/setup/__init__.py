"""Setting a ward up: first set-up, demo data, store statistics."""
