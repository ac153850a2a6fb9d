"""Report documents as plain data and their file renderers (xlsx here; pdf in desktop.gui.reports)."""
