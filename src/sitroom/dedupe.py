"""Near-duplicate texts (the same wire story on several sites): 64-bit SimHash over word shingles.

Two texts are near duplicates when their fingerprints differ in at most a few bits. The
fingerprint is deterministic (blake2b of each shingle), so it can be stored and compared later.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

BITS = 64
DEFAULT_MAX_DISTANCE = 10
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """Lowercased words with accents and punctuation folded away."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _WORD.findall(folded)


def simhash(text: str, shingle: int = 3) -> int:
    """A 64-bit SimHash of the text's word shingles (0 for a text with no words)."""
    tokens = words(text)
    if not tokens:
        return 0
    grams = [" ".join(tokens[i : i + shingle]) for i in range(max(1, len(tokens) - shingle + 1))]
    weights = [0] * BITS
    for gram in grams:
        value = int.from_bytes(hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest(), "big")
        for bit in range(BITS):
            weights[bit] += 1 if value >> bit & 1 else -1
    return sum(1 << bit for bit in range(BITS) if weights[bit] > 0)


def distance(a: int, b: int) -> int:
    """How many bits two fingerprints differ in."""
    return (a ^ b).bit_count()


def near_duplicate(a: int, b: int, max_distance: int = DEFAULT_MAX_DISTANCE) -> bool:
    return distance(a, b) <= max_distance
