"""The sync page, its conflict view and the background sync scheduler."""
