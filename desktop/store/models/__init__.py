"""Every model module is imported here so the metadata (and the sync registry) is complete."""

from desktop.store.changelog import ChangeLogEntry
from desktop.store.models.ward import ResidentialGroup, WardProfile
from desktop.store.models.household import Household, HouseholdVisit, HouseholdVisitMember
from desktop.store.models.resident import Resident
from desktop.store.models.complaints import Attachment, Complaint, ComplaintEvent, ComplaintFeedback
from desktop.store.models.outreach import Campaign, CommunicationItem, DutyShift, HelpSession, Target, TrainingClass, Volunteer
from desktop.store.models.people import AuditEntry, AuditOrigin, Operator
from desktop.store.models.cross_ward import CrossWardMatch
from desktop.store.models.handoffs import PoliceHandoff
from desktop.store.models.indicators import WardFigures
from desktop.store.models.sync import SyncBatch, SyncBlob, SyncConflict, SyncQuarantine, SyncState

__all__ = [
    "Attachment",
    "AuditEntry",
    "AuditOrigin",
    "Campaign",
    "ChangeLogEntry",
    "CommunicationItem",
    "Complaint",
    "ComplaintEvent",
    "ComplaintFeedback",
    "CrossWardMatch",
    "DutyShift",
    "HelpSession",
    "Household",
    "HouseholdVisit",
    "HouseholdVisitMember",
    "Operator",
    "PoliceHandoff",
    "Resident",
    "ResidentialGroup",
    "SyncBatch",
    "SyncBlob",
    "SyncConflict",
    "SyncQuarantine",
    "SyncState",
    "Target",
    "TrainingClass",
    "Volunteer",
    "WardFigures",
    "WardProfile",
]
