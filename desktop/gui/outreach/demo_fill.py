"""`tocds --demo [N]`: fill a freshly set-up ward with demo data once, on the writer thread."""

from __future__ import annotations

import logging

from desktop.gui.context import GuiContext

log = logging.getLogger(__name__)

def _fill(control, ctx, residents: int):
    from desktop.services.setup.demo_data import build_demo_ward, has_residents

    if has_residents(ctx):
        return None  # only ever on a fresh ward: never mixes demo records into real ones
    return build_demo_ward(ctx, residents, seed=1, progress=control.report)


def fill_demo_once(gui: GuiContext, residents: int, on_done=None):
    def done(counts):
        if counts:
            log.info("demo data built: %s", counts)
        if on_done:
            on_done(counts)

    return gui.tasks.job(_fill, gui.app, residents, on_done=done)
