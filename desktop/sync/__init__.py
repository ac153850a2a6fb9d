"""Sync client: outbox batches, transport, enrolment, credentials. The wire format lives here."""
