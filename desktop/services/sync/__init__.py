"""Sync as the GUI and CLI use it: running a sync, enrolment, conflicts and refused records, labels."""
