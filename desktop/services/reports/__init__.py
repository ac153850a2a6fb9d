"""Reports: ward figures, report documents (plain data) and their xlsx/PDF writers."""
