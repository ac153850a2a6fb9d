"""The one rounding rule for figures people read: half up, as official reports round (1/16 = 6.25% -> 6.3%).

Python's `round` rounds half to even (6.25 -> 6.2) and works on the binary float (2.675 -> 2.67);
these round the decimal number as it is written, away from zero on a tie.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction


def _half_up(exact: Decimal, places: int) -> float:
    return float(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def half_up(value: float | int | Fraction, places: int = 1) -> float:
    """`value` rounded to `places` decimals, a tie away from zero (6.25 -> 6.3, -0.05 -> -0.1)."""
    if isinstance(value, Fraction):
        return ratio(value.numerator, value.denominator, places)
    return _half_up(Decimal(repr(value)) if isinstance(value, float) else Decimal(value), places)


def ratio(part: float | int, whole: float | int, places: int = 1) -> float:
    """part / whole rounded half up, computed exactly for whole numbers (whole must not be 0)."""
    if isinstance(part, int) and isinstance(whole, int):
        exact = Fraction(part, whole)
        scale = 10 ** places
        scaled = exact * scale
        rounded = (abs(scaled) + Fraction(1, 2)).__floor__()
        return float(Fraction(rounded if scaled >= 0 else -rounded, scale))
    return half_up(part / whole, places)


def percent(part: int, whole: int, places: int = 1) -> float | None:
    """part of whole as a percentage rounded half up; None when whole is 0 (nothing to count)."""
    return ratio(100 * part, whole, places) if whole else None
