"""People and their data: operators and sign-in, the audit trail, personal-data requests, backups, preferences."""
