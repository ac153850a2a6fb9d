"""Households (hộ) and door-to-door work: households and their members (households.py), visits
recorded by a household's short code (visits.py), and the coverage list to walk a residential group
with, as plain data and as a document for the PDF writer (coverage.py)."""
