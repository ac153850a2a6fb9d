"""People, roles and privacy in the GUI: sign-in, idle lock, operators, audit viewer, backups."""
