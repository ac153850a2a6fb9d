"""Use cases shared by the GUI and the CLI. They return plain data, never ORM objects or widgets."""
