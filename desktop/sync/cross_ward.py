"""Keep the local copy of this ward's cross-ward CCCD matches (`CrossWardMatch`) as the server tells them."""

from __future__ import annotations

import logging

from sqlalchemy import delete

from desktop.store.models import CrossWardMatch
from desktop.sync import protocol as p
from desktop.sync.transport import ServerRefused, Transport

log = logging.getLogger(__name__)


def store(ctx, answer: p.CrossWardMatches) -> int:
    """Replace the local matches with the server's answer; how many there are."""
    with ctx.store.write(actor="sync", applying_remote=True) as s:
        s.execute(delete(CrossWardMatch))
        s.add_all(CrossWardMatch(record_id=m.record_id, other_ward=m.other_ward, other_name=m.other_name,
                                 other_birth_year=m.other_birth_year, moved=m.moved) for m in answer.matches)
    return len(answer.matches)


def refresh(ctx, transport: Transport, ward: str) -> int:
    """Ask the server (after a sync); a server without the endpoint (older) leaves the copy as it is."""
    try:
        answer = transport.cross_ward(ward)
    except ServerRefused as exc:
        if exc.status == 404:
            log.info("server has no cross-ward matches yet")
            return 0
        raise
    return store(ctx, answer)
