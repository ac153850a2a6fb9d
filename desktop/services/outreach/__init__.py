"""Outreach: help sessions at booths, campaigns, targets, shifts, communications, follow-ups, training."""
