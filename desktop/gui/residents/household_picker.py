"""The registration form's household field: no household, a new one at the resident's address, or an
existing one found by its code or a part of its address (searched off the UI thread)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from desktop.gui.context import GuiContext
from desktop.gui.i18n import tr
from desktop.services.households import households

NONE, NEW = "", households.NEW_HOUSEHOLD


class HouseholdPicker(QWidget):
    searched = Signal(int)  # how many households matched

    def __init__(self, gui: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.gui = gui
        self._loaded: str = NONE  # the household the resident had when the form was filled
        self.search = QLineEdit(self)
        self.search.setObjectName("householdSearch")
        self.search.setPlaceholderText(tr("Tìm hộ theo mã hoặc địa chỉ"))
        self.search.setMaxLength(100)
        self.search.textEdited.connect(self._search)
        self.choice = QComboBox(self)
        self.choice.setObjectName("householdChoice")
        self.choice.setMinimumContentsLength(24)
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.group_id: str | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 1)
        row.addWidget(self.choice, 2)
        self.reset()

    def _base_items(self) -> None:
        self.choice.clear()
        self.choice.addItem(tr("— không thuộc hộ nào —"), NONE)
        self.choice.addItem(tr("+ Hộ mới tại địa chỉ này (người này là chủ hộ)"), NEW)

    def reset(self) -> None:
        self._loaded = NONE
        self.search.clear()
        self._base_items()

    def set_current(self, household_id: str | None, code: str) -> None:
        """The household of the resident being edited (kept unless the volunteer picks another)."""
        self.reset()
        if household_id:
            self._loaded = household_id
            self.choice.addItem(tr("Hộ {code} (hiện tại)").format(code=code), household_id)
            self.choice.setCurrentIndex(self.choice.count() - 1)

    def value(self) -> str | None:
        """For ResidentInput.household: None (keep), "" (out of any household), "new" or a household id."""
        chosen = self.choice.currentData()
        return None if chosen == self._loaded else chosen

    def _search(self, text: str) -> None:
        if len(text.strip()) < 2:
            return
        self.gui.read(households.search_households, text, self.group_id, on_done=self._show,
                      key=f"household.search.{id(self)}")

    def _show(self, found: list) -> None:
        keep = self.choice.currentData()
        self._base_items()
        if self._loaded:
            self.choice.addItem(tr("Hộ hiện tại"), self._loaded)
        for h in found:
            head = tr(" · Chủ hộ: {name}").format(name=h.head_name) if h.head_name else ""
            self.choice.addItem(f"{h.code} · {h.address or '-'}{head}", h.id)
        if found:
            self.choice.setCurrentIndex(self.choice.findData(found[0].id))
        elif self.choice.findData(keep) >= 0:
            self.choice.setCurrentIndex(self.choice.findData(keep))
        self.searched.emit(len(found))
