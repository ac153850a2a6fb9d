"""Domain: entities, rules, validation and Vietnamese text. Pure Python: no Qt, no SQL."""
