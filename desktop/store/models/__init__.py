"""Every model module is imported here so the metadata (and the sync registry) is complete."""

from desktop.store.changelog import ChangeLogEntry  # noqa: F401
from desktop.store.models.ward import ResidentialGroup, WardProfile  # noqa: F401
from desktop.store.models.resident import Resident  # noqa: F401
