"""The guided fix for a failure reason, shown the moment it is chosen (booth mode, a door-to-door visit).

`TriagePanel.show_reasons(codes)` shows the guide of the last chosen reason, and says when a police
hand-off will be made. The guides come from the data folder (`handoffs.guides`, read off the UI thread).
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.core.outreach_vocab import FAILURE_REASONS
from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.services.outreach import handoffs


class TriagePanel(QFrame):
    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("triagePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.guides = None
        self.reasons: list[str] = []
        self.title = QLabel(self)
        self.title.setObjectName("triageTitle")
        self.title.setWordWrap(True)
        self.steps = QLabel(self)
        self.steps.setObjectName("triageSteps")
        self.steps.setWordWrap(True)
        self.police = QLabel(self)
        self.police.setObjectName("triagePolice")
        self.police.setWordWrap(True)
        self.problems = QLabel(self)
        self.problems.setObjectName("triageProblems")
        self.problems.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Cách xử lý"), self))
        for w in (self.title, self.steps, self.police, self.problems):
            layout.addWidget(w)
        layout.addStretch(1)
        self.problems.hide()
        gui.read(handoffs.guides, owner=self, on_done=self._loaded, key=f"triage.guides.{id(self)}")
        self.show_reasons([])

    def _loaded(self, guides) -> None:
        self.guides = guides
        if guides.problems:
            self.problems.setText(tr("Tệp hướng dẫn của phường có lỗi, đang dùng hướng dẫn chung: {problem}").format(
                problem=guides.problems[0]))
            self.problems.show()
        self.show_reasons(self.reasons)

    def show_reasons(self, codes: list[str]) -> None:
        """The guide of the last reason in `codes` (the one chosen last); a hint when there is none."""
        self.reasons = list(codes)
        if not codes:
            self.title.setText(tr("Chọn một lý do để xem cách xử lý."))
            self.steps.clear()
            self.police.hide()
            return
        code = codes[-1]
        self.title.setText(f"<b>{escape(tr(FAILURE_REASONS.get(code, code)))}</b>")
        guide = self.guides.get(code) if self.guides else None
        if guide is None:
            self.steps.setText(tr("Đang tải hướng dẫn…") if self.guides is None else "")
            self.police.hide()
            return
        self.steps.setText("".join(f"<p>{i}. {escape(step)}</p>" for i, step in enumerate(guide.display_steps(), 1)))
        if guide.police:
            self.police.setText(tr("➜ Chỉ công an phường giải quyết được. Khi lưu sẽ tạo phiếu chuyển công an: {needed}.")
                                .format(needed=guide.display_needed()))
            self.police.show()
        else:
            self.police.hide()
