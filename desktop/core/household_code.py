"""Short household codes that are easy to read aloud and to type back: six symbols in two groups of three.

The alphabet ACEHKMPRTX34679 leaves out look-alikes (0 O Q D, 1 I L J, 2 Z, 5 S, 8 B, G, U V W Y),
F (not a Vietnamese letter) and N (heard as M on a phone), so "K7M-4PX" is read to a volunteer on the phone without a
spelling game. Typed codes are normalised: case, spaces, dashes and dots do not matter. Codes are
drawn at random on each laptop (checked unique there); two laptops may rarely draw the same one,
so a search by code lists every household that has it.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "ACEHKMPRTX34679"  # 15 symbols: 11.4 million codes
LENGTH = 6
_TYPED_JUNK = re.compile(r"[\s\-._/]+")


def new_code() -> str:
    """A random code in its stored form (six symbols, no dash)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(typed: str) -> str:
    """The stored form of a typed code (upper case, separators dropped); "" when nothing usable."""
    return _TYPED_JUNK.sub("", (typed or "").upper())


def is_well_formed(code: str) -> bool:
    return len(code) == LENGTH and all(ch in ALPHABET for ch in code)


def shown(code: str) -> str:
    """The code grouped for reading aloud: K7M-4PX."""
    return f"{code[:3]}-{code[3:]}" if len(code) == LENGTH else code
