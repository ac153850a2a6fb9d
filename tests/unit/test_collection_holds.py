"""desktop.core.collection: holds on Python's automatic cycle collection nest; the last one gives back the
state from before the first, also after a failure inside a quiet block."""

from __future__ import annotations

import gc

import pytest

from desktop.core import collection


def test_holds_nest_and_the_last_gives_collection_back():
    assert gc.isenabled()
    collection.hold_off()  # the GUI's task runner
    with collection.quiet():  # an import inside it
        assert not gc.isenabled() and collection.quiet_now()
    assert not gc.isenabled() and not collection.quiet_now()  # the runner still holds it off
    collection.give_back()
    assert gc.isenabled()


def test_a_failing_quiet_run_gives_back_too_and_a_disabled_collector_stays_disabled():
    with pytest.raises(ValueError), collection.quiet():
        raise ValueError("bad file")
    assert gc.isenabled() and not collection.quiet_now()
    gc.disable()  # someone else turned it off before: it stays off
    try:
        with collection.quiet():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
