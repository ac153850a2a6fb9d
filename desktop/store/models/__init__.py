"""Every model module is imported here so the metadata (and the sync registry) is complete."""

from desktop.store.changelog import ChangeLogEntry  # noqa: F401
from desktop.store.models.ward import ResidentialGroup, WardProfile  # noqa: F401
from desktop.store.models.resident import Resident  # noqa: F401
from desktop.store.models.complaints import Attachment, Complaint, ComplaintEvent, ComplaintFeedback  # noqa: F401
from desktop.store.models.outreach import Campaign, CommunicationItem, DutyShift, HelpSession, Target, TrainingClass, Volunteer  # noqa: F401
from desktop.store.models.people import AuditEntry, AuditOrigin, Operator  # noqa: F401
from desktop.store.models.sync import SyncBatch, SyncBlob, SyncConflict, SyncQuarantine, SyncState  # noqa: F401
