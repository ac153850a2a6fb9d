"""Residents: registration, search, import from files, export."""
