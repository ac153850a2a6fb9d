"""Complaints (phản ánh, kiến nghị): list, detail with timeline, intake form."""
