"""Phrase matchers built once from the lexicon; `annotate(doc)` finds every lexicon phrase in a doc."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from sitroom.extract.lexicon import Lexicon, plural

# Lexicon kinds matched with their capitals ("US" the country, not "us").
_CASE_SENSITIVE_KINDS = frozenset({"party"})
# Lexicon kinds whose phrases are nouns and also match in the plural.
_PLURAL_KINDS = frozenset({"trigger", "weapon", "damage", "unit", "body", "person"})


@dataclass(frozen=True)
class Annotations:
    """The lexicon phrases found in one doc, by kind; each span's `label_` is its lexicon phrase."""

    spans: dict[str, tuple[Span, ...]]

    def of(self, kind: str, within: Span | None = None) -> tuple[Span, ...]:
        found = self.spans.get(kind, ())
        if within is None:
            return found
        return tuple(s for s in found if s.start >= within.start and s.end <= within.end)


class Matchers:
    """One PhraseMatcher per lexicon kind, matching lowercase token sequences."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        kinds: dict[str, Iterable[str]] = {
            "trigger": lexicon.triggers,
            "weapon": lexicon.weapons,
            "damage": lexicon.damage,
            "damage_cue": lexicon.damage_cues,
            "service": lexicon.services,
            "outage_cue": lexicon.outage_cues,
            "unit": lexicon.outage_units,
            "actor": lexicon.actors,
            "body": lexicon.bodies,
            "person": lexicon.person_nouns,
            "speech": lexicon.speech_verbs,
            "casualty": lexicon.casualties,
            "attack_verb": lexicon.attack_verbs,
            "intercept": lexicon.intercept_cues,
            "launch": lexicon.launch_cues,
            "addressee": lexicon.addressee_verbs,
            "party": lexicon.parties,
        }
        self._matchers: dict[str, PhraseMatcher] = {}
        for kind, phrases in kinds.items():
            matcher = PhraseMatcher(nlp.vocab, attr="ORTH" if kind in _CASE_SENSITIVE_KINDS else "LOWER")
            for phrase in phrases:
                forms = {phrase, plural(phrase)} if kind in _PLURAL_KINDS else {phrase}
                matcher.add(phrase, [nlp.make_doc(form) for form in sorted(forms)])
            self._matchers[kind] = matcher

    def annotate(self, doc: Doc) -> Annotations:
        spans = {}
        for kind, matcher in self._matchers.items():
            found = matcher(doc, as_spans=True)
            spans[kind] = tuple(sorted(filter_spans(found), key=lambda s: s.start))
        return Annotations(spans)
