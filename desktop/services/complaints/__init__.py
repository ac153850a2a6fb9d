"""Complaints (phản ánh, kiến nghị): intake, lifecycle and deadlines, duplicates, attachments."""
