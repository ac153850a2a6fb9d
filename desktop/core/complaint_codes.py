"""Complaint codes people read out on the phone: "PA-7KX-4MT".

Six characters from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 8/B), in two groups of
three, taken from the complaint's random id (so two devices offline do not pick the same code but
by a one-in-hundreds-of-millions chance). Codes made before ("PA-E80EFB", hex) stay as they were
and are found the same way: by the code typed with or without "PA", dashes, spaces or case.
"""

from __future__ import annotations

import re

PREFIX = "PA"
ALPHABET = "234679ACDEFGHJKMNPQRTUVWXYZ"  # 27 characters none of which reads as another
LENGTH = 6


def code_for(record_id: str) -> str:
    """The code of a complaint whose id is `record_id` (a UUID)."""
    number = int(record_id.replace("-", ""), 16)
    chars = []
    for _ in range(LENGTH):
        number, digit = divmod(number, len(ALPHABET))
        chars.append(ALPHABET[digit])
    return f"{PREFIX}-{''.join(chars[:3])}-{''.join(chars[3:])}"


def compact(text: str) -> str:
    """What a typed code is matched by: upper case, without "PA", dashes and spaces ("pa 7kx-4mt" -> "7KX4MT")."""
    text = re.sub(r"[\s\-_.]", "", text or "").upper()
    return text[len(PREFIX):] if text.startswith(PREFIX) and len(text) > len(PREFIX) else text
