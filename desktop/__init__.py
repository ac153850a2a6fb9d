"""Tổ CĐS Desktop: the app of Hanoi's community digital transformation teams."""

__version__ = "0.1.0"
