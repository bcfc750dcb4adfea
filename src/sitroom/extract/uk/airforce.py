"""The national tally of an air attack, as the Ukrainian Air Force states it.

    ЗБИТО/ПОДАВЛЕНО 95 ВОРОЖИХ БПЛА                                   (headline)
    У ніч на 24 червня (з 18:00 23 червня) противник атакував 101 ударним БпЛА типу Shahed ...
    ... протиповітряною обороною збито/подавлено 95 ворожих БпЛА типу Shahed ...
    Зафіксовано влучання 6 ударних БпЛА на 5 локаціях, а також падіння уламків на 6 локаціях.

`read_tally` turns such a statement into weapon rows (model, class, launched, intercepted), the
number of locations hit and of debris locations, and the weapons lost from radar. Rules:
- launched and intercepted counts of one weapon are joined on its model (one model name starting
  with the other: Kh-59 ~ Kh-59/69), or, for a phrase with no model ("476 ворожих БпЛА різних
  типів") or a model never said launched, on the latest launched weapon of that class, else of
  that family, that names no other model (drones excepted: a drone mix names several);
- a sentence that ends in a list ("...: - 4 ракети ...; - 24 ракети ...") gives its summary counts
  to the list: only the list is counted; the list's lines take the role of the sentence's cue;
- the headline is read only when the body gives no intercepted counts;
- "локаційно втрачено" is lost from radar and "не досягла цілі" did not reach its target: neither
  is intercepted;
- an overall count of targets ("збито/подавлено 83 цілі") is given to the only weapon when there
  is just one; it is never a weapon of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sitroom.extract.uk.grammar import Item, Mark, items, last_cue, marks, roles
from sitroom.extract.uk.lexicon import UkLexicon
from sitroom.extract.uk.morph import Morphology
from sitroom.extract.uk.numbers import read_number
from sitroom.extract.uk.units import Unit, units
from sitroom.model import Span, Weapon, WeaponClass

BULLETS = frozenset({"-", "\u2013", "\u2014", "\u2022", "\u25aa", "*"})
HEADLINE_UPPER = 0.7  # share of capital letters that makes a first line a headline
_GLUED_LOCATIONS = re.compile(r"^на(\d+)$", re.IGNORECASE)  # "на11 локаціях" (a missing space)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    units: tuple[Unit, ...]
    marks: tuple[Mark, ...]

    @property
    def bullet(self) -> bool:
        return bool(self.units) and self.units[0].text in BULLETS

    def headline(self, text: str) -> bool:
        letters = [c for c in text[self.start : self.end] if c.isalpha()]
        return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= HEADLINE_UPPER


@dataclass(frozen=True)
class Tally:
    """What a statement says about the whole country's night."""

    weapons: tuple[Weapon, ...]
    hits: int | None = None
    debris_locations: int | None = None
    lost_from_radar: int | None = None
    evidence: tuple[Span, ...] = ()


@dataclass
class _Row:
    weapon_class: WeaponClass
    model: str | None
    launched: int | None = None
    intercepted: int | None = None
    position: int = 0
    evidence: list[Span] = field(default_factory=list)


def read_sentences(
    text: str, spans: Sequence[tuple[int, int]], lexicon: UkLexicon, morph: Morphology
) -> list[Sentence]:
    """Units and lexicon marks of each sentence span."""
    out = []
    for start, end in spans:
        us = tuple(units(text, start, end, morph))
        out.append(Sentence(start, end, us, tuple(marks(us, lexicon))))
    return out


def read_tally(text: str, sentences: Sequence[Sentence], lexicon: UkLexicon, morph: Morphology) -> Tally | None:
    """The national tally of a statement, or None when it counts no weapons."""
    body: list[Item] = []
    head: list[Item] = []
    inherited: str | None = None
    for k, sentence in enumerate(sentences):
        found = list(sentence.marks)
        phrases = roles(
            sentence.units, found, items(sentence.units, found, lexicon, morph), inherited if sentence.bullet else None
        )
        heading = k + 1 < len(sentences) and sentences[k + 1].bullet and not sentence.bullet
        if heading:
            inherited = last_cue(found)
            continue
        if not sentence.bullet:
            inherited = None
        if k == 0 and sentence.headline(text):
            head.extend(phrases)
        else:
            body.extend(phrases)
    if not any(p.status == "intercept" and p.count is not None for p in body):
        body.extend(head)
    rows = _rows(body)
    if not rows:
        return None
    hits, debris, evidence = _locations(sentences, lexicon)
    lost = [p.count for p in body if p.status == "lost" and p.count is not None and p.role != "total"]
    weapons = tuple(Weapon(r.weapon_class, r.model, r.launched, r.intercepted) for r in rows)
    spans = sorted({s for r in rows for s in r.evidence} | set(evidence), key=lambda s: (s.start, s.end))
    return Tally(weapons, hits, debris, sum(lost) if lost else None, tuple(spans))


def _rows(phrases: Sequence[Item]) -> list[_Row]:
    rows: list[_Row] = []
    totals: dict[str, int] = {}
    for p in phrases:
        if p.role == "total":
            if p.status in ("launch", "intercept") and p.count is not None and p.counted:
                totals.setdefault(p.status, p.count)
            continue
        if p.weapon_class is None:
            continue
        if p.status == "launch" and p.again:
            continue  # "противник атакував двома ракетами, обидві ракети влучили": counted already
        if p.status == "launch" and (p.count is not None or p.model):
            _launched(rows, p)
        elif p.status == "intercept" and p.count is not None:
            _intercepted(rows, p)
    if len(rows) == 1:
        row = rows[0]
        if row.launched is None and "launch" in totals:
            row.launched = totals["launch"]
        if row.intercepted is None and "intercept" in totals:
            row.intercepted = totals["intercept"]
    return [r for r in rows if r.launched is not None or r.intercepted is not None]


def _launched(rows: list[_Row], p: Item) -> None:
    assert p.weapon_class is not None
    same = [r for r in rows if _same(r, p)]
    if same and same[0].launched is not None and p.additional and p.count is not None:
        same[0].launched += p.count  # "... атакував ще 20 БпЛА"
        same[0].evidence.append(Span(p.start, p.end))
        return
    if same and same[0].launched is not None:
        return  # the same weapon told again (a summary, a repeat)
    if same:
        same[0].launched = p.count
        same[0].evidence.append(Span(p.start, p.end))
        return
    rows.append(_Row(p.weapon_class, p.model, p.count, None, p.start, [Span(p.start, p.end)]))


def _intercepted(rows: list[_Row], p: Item) -> None:
    assert p.weapon_class is not None
    target = _target(rows, p)
    if target is None:
        rows.append(_Row(p.weapon_class, p.model, None, p.count, p.start, [Span(p.start, p.end)]))
    elif target.intercepted is None or p.additional:
        target.intercepted = (target.intercepted or 0) + (p.count or 0)
        target.evidence.append(Span(p.start, p.end))


def _target(rows: Sequence[_Row], p: Item) -> _Row | None:
    """The launched row an intercepted phrase counts from."""
    if p.model:
        same = [r for r in rows if r.model and _same_model(r.model, p.model)]
        if same:
            return same[0]
    earlier = sorted((r for r in rows if r.position <= p.start), key=lambda r: -r.position)
    later = [r for r in rows if r.position > p.start]
    for pool in (earlier, later):
        for test in (_same_class, _same_family):
            fitting = [
                r for r in pool if test(r, p) and (not p.model or not r.model or r.weapon_class.family == "drone")
            ]
            if fitting:
                return fitting[0]
    return None


def _same(row: _Row, p: Item) -> bool:
    if row.model or p.model:
        return bool(row.model and p.model and _same_model(row.model, p.model))
    return row.weapon_class == p.weapon_class


def _same_class(row: _Row, p: Item) -> bool:
    return row.weapon_class == p.weapon_class


def _same_family(row: _Row, p: Item) -> bool:
    return p.weapon_class is not None and row.weapon_class.family == p.weapon_class.family


def _same_model(a: str, b: str) -> bool:
    ka, kb = _model_key(a), _model_key(b)
    return bool(ka and kb) and (ka.startswith(kb) or kb.startswith(ka))


def _model_key(model: str) -> str:
    return re.sub(r"[^a-z0-9]", "", model.lower())


def _locations(sentences: Sequence[Sentence], lexicon: UkLexicon) -> tuple[int | None, int | None, list[Span]]:
    """Locations hit ("влучання ... на 5 локаціях [та ... на 11 локаціях]", summed) and debris
    locations ("падіння уламків на 6 локаціях", "падіння збитих (уламки) на 9", "на 5."), each
    from the first sentence that gives them."""
    hits: int | None = None
    debris: int | None = None
    evidence: list[Span] = []
    for sentence in sentences:
        us = sentence.units
        cue_at = {m.start: m.cue for m in sentence.marks if m.kind == "cue"}
        hit_counts: list[int] = []
        debris_count: int | None = None
        role: str | None = None
        for i in range(len(us)):
            if i in cue_at:
                if cue_at[i] != "launch":  # "падіння уламків зафіксовано на 4 локаціях"
                    role = cue_at[i] if cue_at[i] in ("hit", "debris") else None
                continue
            count = _location_count(us, i, lexicon) if role else None
            if count is None:
                continue
            if role == "hit":
                hit_counts.append(count)
            elif debris_count is None:
                debris_count = count
        if hits is None and hit_counts:
            hits = sum(hit_counts)
            evidence.append(Span(sentence.start, sentence.end))
        if debris is None and debris_count is not None:
            debris = debris_count
            evidence.append(Span(sentence.start, sentence.end))
    return hits, debris, evidence


def _location_count(us: Sequence[Unit], i: int, lexicon: UkLexicon) -> int | None:
    """N of "на N [локаціях]" or "у N локаціях" (`location_prepositions`, `location_nouns`) at unit
    i (also "на11", with the space missing)."""
    glued = _GLUED_LOCATIONS.match(us[i].text)
    if glued:
        return int(glued.group(1))
    if us[i].text.lower() not in lexicon.location_prepositions or i + 1 >= len(us):
        return None
    number = read_number(us, i + 1, lexicon)
    if number is None or number.value is None:
        return None
    said = number.end < len(us) and us[number.end].lemma in lexicon.location_nouns
    if us[i].text.lower() != "на" and not said:
        return None  # "влучання в 2 будинки": only "на N" may leave the noun out
    return number.value
