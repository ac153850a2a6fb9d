"""The reports page (dashboard, export) and the PDF renderer."""
