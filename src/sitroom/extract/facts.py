"""What one sentence states: weapons and their counts, casualties, damaged objects, outages, attacker.

Each function reads one sentence (a spaCy Span) with the doc's lexicon annotations and returns
model values. None of them decides which event a fact belongs to; `events.py` does that.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from sitroom.extract.lexicon import Lexicon
from sitroom.extract.matchers import Annotations
from sitroom.extract.numbers import Quantity, quantities
from sitroom.model import DamageObject, Outage, OutageUnit, Victims, Weapon, WeaponClass

# Tokens that may stand between a count and what it counts ("50 Russian attack drones").
_COUNT_FILLERS = frozenset(
    {"more", "russian", "enemy", "of", "the", "these", "those", "other", "additional", "-", "type"}
)
# Tokens that may stand between two lexicon phrases naming one weapon ("Shahed-type drones").
_WEAPON_GLUE = frozenset({"-", "type", "-type", "attack", "strike", "kamikaze", "("})
_HEDGES = frozenset({"possibly", "probably", "likely", "suspected", "apparently", "reportedly", "presumably"})
_CLAUSE_BREAKS = frozenset({";", ":", "while", "whereas", "but"})


@dataclass(frozen=True)
class Casualties:
    killed: int | None = None
    injured: int | None = None
    children_killed: int | None = None
    children_injured: int | None = None
    victims: Victims | None = None  # who they were, when the sentence says; not a count

    def any(self) -> bool:
        """Whether the sentence states a count (who the victims were is no count)."""
        return any(v is not None for v in (self.killed, self.injured, self.children_killed, self.children_injured))


@dataclass(frozen=True)
class _WeaponPhrase:
    weapon: Weapon
    start: int
    end: int


def weapon_phrases(sent: Span, notes: Annotations, lexicon: Lexicon) -> list[_WeaponPhrase]:
    """Weapon mentions in a sentence, adjacent lexicon phrases joined ("Kh-101 cruise missiles")."""
    groups: list[_WeaponPhrase] = []
    for span in notes.of("weapon", sent):
        if _filming(span, lexicon):
            continue
        cls, model = lexicon.weapons[span.label_]
        uncertain = any(t.lower_ in _HEDGES for t in sent.doc[max(sent.start, span.start - 4) : span.start])
        weapon = Weapon(cls, model, uncertain=uncertain)
        if groups and _glued(sent, groups[-1].end, span.start):
            groups[-1] = _WeaponPhrase(_join(groups[-1].weapon, weapon), groups[-1].start, span.end)
        else:
            groups.append(_WeaponPhrase(weapon, span.start, span.end))
    return groups


def _filming(span: Span, lexicon: Lexicon) -> bool:
    """ "Drone footage of the strike": the drone filmed, it did not attack."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in lexicon.media_nouns


def _glued(sent: Span, end: int, start: int) -> bool:
    between = sent.doc[end:start]
    return all(t.lower_ in _WEAPON_GLUE for t in between)


def _join(a: Weapon, b: Weapon) -> Weapon:
    """One weapon named by two phrases: the model from whichever names one, the finer class."""
    model = a.model or b.model
    generic = {WeaponClass.MISSILE, WeaponClass.DRONE, WeaponClass.ARTILLERY}
    cls = a.weapon_class if b.weapon_class in generic else b.weapon_class
    if a.model and a.weapon_class.family == b.weapon_class.family:
        cls = a.weapon_class
    return Weapon(cls, model, uncertain=a.uncertain or b.uncertain)


def weapons(sent: Span, notes: Annotations, lexicon: Lexicon) -> list[Weapon]:
    """Weapons of a sentence with their launched / intercepted counts, one entry per weapon."""
    phrases = weapon_phrases(sent, notes, lexicon)
    if not phrases:
        return []
    counted: dict[tuple[WeaponClass, str | None], Weapon] = {}
    order: list[tuple[WeaponClass, str | None]] = []
    for phrase in phrases:
        key = (phrase.weapon.weapon_class, phrase.weapon.model)
        if key not in counted:
            counted[key] = phrase.weapon
            order.append(key)
    intercept = [s.start for s in notes.of("intercept", sent)]
    launch = [s.start for s in notes.of("launch", sent)] + [s.start for s in notes.of("attack_verb", sent)]
    for quantity in quantities(sent, lexicon.numbers):
        target = _counted_weapon(sent, quantity, phrases)
        if target is None:
            continue
        role = _count_role(sent, quantity, intercept, launch)
        key = _resolve_key(target.weapon, role, counted, order)
        current = counted[key]
        if role == "intercepted" and current.intercepted is None:
            counted[key] = replace(current, intercepted=quantity.value)
        elif role == "launched" and current.launched is None:
            counted[key] = replace(current, launched=quantity.value)
    found = [counted[k] for k in order]
    return [w for w in found if not covered(w, found)]


def covered(weapon: Weapon, others: list[Weapon] | tuple[Weapon, ...]) -> bool:
    """A bare "drones" beside "Shahed drones" adds nothing when it has no counts of its own."""
    if weapon.model is not None or weapon.launched is not None or weapon.intercepted is not None:
        return False
    return any(o.model is not None and o.weapon_class.family == weapon.weapon_class.family for o in others)


def _counted_weapon(sent: Span, q: Quantity, phrases: list[_WeaponPhrase]) -> _WeaponPhrase | None:
    """The weapon phrase a number counts: the one right after it, or, for "45 were shot down",
    the one named just before in the same sentence ("of the 50 drones, 45 were shot down")."""
    doc = sent.doc
    if doc[q.start].lower_ in ("a", "an", "one") and q.end - q.start == 1:
        following = next((p for p in phrases if p.start >= q.end), None)
        if following is None or following.start != q.end:
            return None
    for phrase in phrases:
        if phrase.start >= q.end:
            between = doc[q.end : phrase.start]
            of_the_total = (
                len(between) == 3 and [t.lower_ for t in between[:2]] == ["of", "the"] and between[2].like_num
            )
            if of_the_total or (len(between) <= 3 and all(t.lower_ in _COUNT_FILLERS or t.is_title for t in between)):
                return phrase  # "50 Russian drones", "15 of the 18 drones"
            break
    after = doc[q.end : min(q.end + 3, sent.end)]
    if any(t.lower_ in ("were", "was", "of", "had", "have") for t in after[:2]):
        before = [p for p in phrases if p.end <= q.start]
        if before:
            return before[-1]
    return None


def _count_role(sent: Span, q: Quantity, intercept: list[int], launch: list[int]) -> str:
    """'intercepted' when an interception word is nearer the number than a launch word;
    "of the 50 drones" is what was launched."""
    doc = sent.doc
    if q.start >= 2 and doc[q.start - 1].lower_ == "the" and doc[q.start - 2].lower_ == "of":
        return "launched"
    clause_start, clause_end = _clause_of(sent, q.start)

    def distance(positions: list[int]) -> int:
        inside = [abs(p - q.start) for p in positions if clause_start <= p < clause_end]
        return min(inside, default=10_000)

    return "intercepted" if distance(intercept) < distance(launch) else "launched"


def _clause_of(sent: Span, i: int) -> tuple[int, int]:
    start, end = sent.start, sent.end
    for t in sent:
        if t.lower_ in _CLAUSE_BREAKS:
            if t.i < i:
                start = t.i + 1
            elif t.i > i:
                end = t.i
                break
    return start, end


def _resolve_key(
    weapon: Weapon,
    role: str,
    counted: dict[tuple[WeaponClass, str | None], Weapon],
    order: list[tuple[WeaponClass, str | None]],
) -> tuple[WeaponClass, str | None]:
    """An interception of "the drones" belongs to the one drone type launched, if there is one."""
    key = (weapon.weapon_class, weapon.model)
    if role != "intercepted" or weapon.model is not None:
        return key
    same_family = [k for k in order if k[0].family == weapon.weapon_class.family and counted[k].launched is not None]
    return same_family[0] if len(same_family) == 1 else key


def casualties(sent: Span, notes: Annotations, lexicon: Lexicon) -> Casualties:
    """Killed, injured and children among them, as the sentence states them."""
    doc = sent.doc
    words = notes.of("casualty", sent)
    if not words:
        return Casualties()
    zero = _stated_zero(sent.text.lower(), lexicon)
    if zero is not None:
        return zero
    persons = notes.of("person", sent)
    numbers = quantities(sent, lexicon.numbers)
    result: dict[str, int] = {}
    children: dict[str, int] = {}
    previous_end = sent.start
    for word in words:
        kind = lexicon.casualties[word.label_]
        if kind == "casualties":
            previous_end = word.end
            continue
        count = _count_after(word, sent, persons, numbers)
        child_count = None
        if count is None:
            count, child_count = _count_before(doc, previous_end, word.start, persons, numbers, lexicon)
        if count is not None and kind not in result:
            result[kind] = count
        if child_count is not None and kind not in children:
            children[kind] = child_count
        previous_end = word.end
    for kind, count in _including_children(sent, words, persons, numbers, lexicon).items():
        children.setdefault(kind, count)
    return Casualties(
        killed=result.get("killed"),
        injured=result.get("injured"),
        children_killed=children.get("killed"),
        children_injured=children.get("injured"),
        victims=_victims(sent, words, persons, lexicon, children=bool(children)),
    )


# "13 people - including two children - were injured": what follows these is a part, not more.
_SUBSET_WORDS = frozenset({"including", "among"})
_LINKS = frozenset(
    {
        "were",
        "was",
        "have",
        "has",
        "had",
        "been",
        "be",
        "are",
        "is",
        "reportedly",
        "also",
        "people",
        "civilians",
        "others",
        "other",
        "more",
        "later",
        "confirmed",
        "and",
        ",",
        "being",
        "left",
        "injured",
    }
)


def _count_before(
    doc: Doc, lo: int, word_start: int, persons: tuple[Span, ...], numbers: list[Quantity], lexicon: Lexicon
) -> tuple[int | None, int | None]:
    """Count the people named before a casualty word: "a man and two women were killed" -> 3."""
    cut = next((t.i for t in doc[lo:word_start] if t.lower_ in _SUBSET_WORDS), word_start)
    window_persons = [p for p in persons if lo <= p.start and p.end <= cut]
    window_numbers = [n for n in numbers if lo <= n.start and n.end <= word_start]
    if window_persons:
        total = 0
        child_total = 0
        all_children = True
        previous: Span | None = None
        for person in window_persons:
            attached = [n for n in window_numbers if n.end <= person.start and _attached(doc, n, person)]
            if not attached:
                continue
            if previous is not None and not any(t.lower_ == "and" for t in doc[previous.end : person.start]):
                # "Five troops, 19 civilians killed", "... free monitors, 3 Ukrainians killed":
                # separate tallies, not one sum, and a comma may end another clause, so the
                # tally next to the casualty word is the one it reports
                total, child_total, all_children = 0, 0, True
            previous = person
            value = attached[-1].value
            total += value
            if lexicon.person_nouns.get(person.label_) == "child":
                child_total += value
            else:
                all_children = False
        if total:
            return total, (child_total if child_total and all_children else None)
    if window_numbers:
        last = window_numbers[-1]
        gap = [t.lower_ for t in doc[last.end : word_start]]
        if doc[last.start].lower_ not in ("a", "an") and all(t in _LINKS for t in gap) and len(gap) <= 4:
            return last.value, None
    return None, None


def _stated_zero(lowered: str, lexicon: Lexicon) -> Casualties | None:
    """ "There were no casualties" -> 0 killed and 0 injured; "no one was killed" -> 0 killed."""
    ruled_out = {what for phrase, what in lexicon.no_casualties.items() if phrase in lowered}
    if not ruled_out or "no immediate" in lowered:
        return None
    both = "both" in ruled_out
    return Casualties(
        killed=0 if both or "killed" in ruled_out else None,
        injured=0 if both or "injured" in ruled_out else None,
    )


def _attached(doc: Doc, n: Quantity, person: Span) -> bool:
    """A number counts a person noun a few words on ("two elderly women", "a 64-year-old man")."""
    between = doc[n.end : person.start]
    limit = 6 if any(t.text == "-" for t in between) else 3
    return len(between) <= limit and not any(t.lower_ in ("and", ",", "were", "was") for t in between)


_ACTIVE_FORMS = frozenset(
    {
        "killing",
        "kills",
        "kill",
        "killed",
        "injuring",
        "injures",
        "injured",
        "wounding",
        "wounded",
        "hurt",
        "hurting",
        "death toll",
        "death of",
        "deaths of",
    }
)
_PARTICIPLES = frozenset({"killed", "injured", "wounded", "hurt"})
_BEFORE_COUNT = frozenset(
    {
        "at",
        "least",
        "to",
        "rose",
        "has",
        "had",
        "risen",
        "climbed",
        "reached",
        "stands",
        "is",
        "now",
        "more",
        "than",
        "nearly",
        "about",
        "around",
        "some",
        "over",
        "up",
        "almost",
        "another",
        "between",
        "from",
    }
)


def _count_after(word: Span, sent: Span, persons: tuple[Span, ...], numbers: list[Quantity]) -> int | None:
    """ "killing three people", "kills 4", "the death toll rose to 12"; after a participle
    ("killed 3 civilians") only when people are named after the number."""
    if word.label_ not in _ACTIVE_FORMS:
        return None
    if word.label_ == "death toll":
        return _toll_figure(word, sent, numbers)
    following = next((n for n in numbers if n.start >= word.end), None)
    if following is None:
        return None
    gap = [t.lower_ for t in sent.doc[word.end : following.start]]
    if len(gap) > 4 or not all(g in _BEFORE_COUNT for g in gap):
        return None
    active = bool(gap) or (word.start > sent.start and sent.doc[word.start - 1].lower_ in ("and", ","))
    if word.label_ in _PARTICIPLES and not active and not _person_follows(sent, following, persons):
        return None
    return following.value


def _toll_figure(word: Span, sent: Span, numbers: list[Quantity]) -> int | None:
    """ "The death toll from the shelling of X rose to 12" / "... stands at 7"."""
    for n in numbers:
        if n.start >= word.end and n.start > sent.start and sent.doc[n.start - 1].lower_ in ("to", "at", "reached"):
            return n.value
    return None


def _person_follows(sent: Span, n: Quantity, persons: tuple[Span, ...]) -> bool:
    return any(0 <= p.start - n.end <= 2 for p in persons)


def _including_children(
    sent: Span, words: tuple[Span, ...], persons: tuple[Span, ...], numbers: list[Quantity], lexicon: Lexicon
) -> dict[str, int]:
    """ "... including two children" / "among them a child" after a casualty word."""
    found: dict[str, int] = {}
    for t in sent:
        if t.lower_ not in ("including", "among"):
            continue
        child = next(
            (
                p
                for p in persons
                if p.start > t.i and p.start - t.i <= 4 and lexicon.person_nouns.get(p.label_) == "child"
            ),
            None,
        )
        if child is None:
            continue
        count = next((n.value for n in numbers if t.i < n.start and n.end <= child.start), None)
        counted = [w for w in words if lexicon.casualties[w.label_] != "casualties"]
        before = [w for w in counted if w.end <= t.i]
        word = before[-1] if before else next((w for w in counted if w.start > child.end), None)
        if count is not None and word is not None:
            found.setdefault(lexicon.casualties[word.label_], count)
    return found


# What a person noun's "who" (person_nouns.tsv) says about the victims; "1" says nothing.
_STATUS = {"civilian": Victims.CIVILIAN, "child": Victims.CIVILIAN, "military": Victims.MILITARY}
# Words that may describe the people counted ("two DPR servicemen", "a 64-year-old man").
_MODIFIERS = frozenset({"-", "year", "old", "pro", "local", "young", "dpr", "lpr", "government", "army"})
# Words between a casualty word and the people it is about ("killing at least three elderly
# residents", "deaths of two Ukrainian soldiers", "casualties among civilians").
_TOWARD_VICTIMS = _BEFORE_COUNT | _MODIFIERS | {"the", "of", "among", "them"}
# Words between the people and a casualty word after them ("six troops reported killed"):
# no number, so that "rebels said three were killed" is not about the rebels.
_VICTIMS_THEN = _LINKS | {"said", "reported"}
# Words that join the people of one list ("a man and two women", "five troops, 19 civilians",
# "three people, including two children").
_LIST_GLUE = _MODIFIERS | {"and", ",", "including", "among", "them", "other"}
# "No civilians were hurt", "without casualties among residents": who was not.
_NEGATIONS = frozenset({"no", "not", "without", "nobody", "none", "never"})


def _victims(
    sent: Span, words: tuple[Span, ...], persons: tuple[Span, ...], lexicon: Lexicon, *, children: bool
) -> Victims | None:
    """Civilians or the military, when the people the sentence says were killed or hurt are
    only one of them: the persons each casualty word is about, never other people the sentence
    names ("Russian troops killed three civilians": the troops are the attackers), and the
    casualty words that say it themselves ("KIA"). Children are civilians."""
    found: set[Victims] = {Victims.CIVILIAN} if children else set()
    previous_end = sent.start
    for word in words:
        if not any(t.lower_ in _NEGATIONS for t in sent.doc[max(previous_end, word.start - 5) : word.start]):
            found |= _stated_victims(word, sent, persons, previous_end, lexicon)
        previous_end = word.end
    return found.pop() if len(found) == 1 else None


def _stated_victims(word: Span, sent: Span, persons: tuple[Span, ...], lo: int, lexicon: Lexicon) -> set[Victims]:
    """What one casualty word says of its victims, by itself ("KIA") and by its person nouns."""
    found = {lexicon.casualty_victims[word.label_]} if word.label_ in lexicon.casualty_victims else set()
    for person in _victim_nouns(word, sent, persons, lo, lexicon):
        status = _STATUS.get(lexicon.person_nouns[person.label_])
        if status is not None:
            found.add(status)
    return found


def _victim_nouns(word: Span, sent: Span, persons: tuple[Span, ...], lo: int, lexicon: Lexicon) -> list[Span]:
    """The people a casualty word is about: the list right after it ("killing three civilians
    and a soldier", "deaths of servicemen"), else the list right before it ("two soldiers were
    killed", "civilian casualties"), not reaching back past the previous casualty word."""
    doc = sent.doc
    after = next((p for p in persons if p.start >= word.end), None)
    if after is not None and _gap(doc[word.end : after.start], _TOWARD_VICTIMS, lexicon, limit=6):
        return _list_from(after, persons, lexicon, forward=True)
    before = [p for p in persons if lo <= p.start and p.end <= word.start]
    if before and _gap(doc[before[-1].end : word.start], _VICTIMS_THEN, lexicon, limit=4, counts=False):
        return _list_from(before[-1], persons, lexicon, forward=False)
    return []


def _list_from(first: Span, persons: tuple[Span, ...], lexicon: Lexicon, *, forward: bool) -> list[Span]:
    """`first` and the person nouns listed with it, going forward or back."""
    doc = first.doc
    chain = [first]
    ordered = persons if forward else tuple(reversed(persons))
    for person in ordered:
        last = chain[-1]
        if (person.start >= last.end) if forward else (person.end <= last.start):
            between = doc[last.end : person.start] if forward else doc[person.end : last.start]
            if not _gap(between, _LIST_GLUE, lexicon, limit=6):
                break
            chain.append(person)
    return chain


def _gap(tokens: Span, words: frozenset[str], lexicon: Lexicon, *, limit: int, counts: bool = True) -> bool:
    """At most `limit` tokens, each one of `words` or, with `counts`, a number or a side
    ("three Ukrainian")."""
    return len(tokens) <= limit and all(
        t.lower_ in words or (counts and (t.like_num or t.lower_ in lexicon.numbers or t.lower_ in lexicon.actors))
        for t in tokens
    )


_SIDES = frozenset({"Russia", "Ukraine"})


def claimant(sent: Span, notes: Annotations, lexicon: Lexicon) -> str | None:
    """The side whose military says it killed or wounded enemy fighters ("Russia's defence
    ministry said 300 Ukrainian soldiers were killed"): such counts are claims, not tolls."""
    military = [p for p in notes.of("person", sent) if lexicon.person_nouns.get(p.label_) == "military"]
    said = notes.of("speech", sent) or any(t.lower_ == "according" for t in sent)
    if not military or not said:
        return None
    for body in notes.of("body", sent):
        side = lexicon.bodies.get(body.label_) or _side_before(body, lexicon)
        if side in _SIDES:
            return side
    for actor in notes.of("actor", sent):
        if any(w in actor.label_ for w in ("military", "army", "forces", "troops")):
            side = lexicon.actors[actor.label_]
            if side in _SIDES and not any(actor.start < p.start <= actor.end + 1 for p in military):
                return side
    return None


def _side_before(body: Span, lexicon: Lexicon) -> str | None:
    """ "Russia's defence ministry", "the Ukrainian foreign ministry"."""
    doc = body.doc
    i = body.start - 1
    if i >= 0 and doc[i].lower_ in ("'s", "\u2019s"):
        i -= 1
    return lexicon.actors.get(doc[i].lower_) if i >= 0 else None


def damage_objects(sent: Span, notes: Annotations, lexicon: Lexicon) -> list[DamageObject]:
    """Objects the sentence says were damaged or hit, with their counts ("12 private houses").
    A damage word, a violent trigger or a weapon in the sentence says so."""
    spans = _damage_spans(sent, notes, lexicon)
    return _objects(sent, [s for s in spans if not _landmark(sent, s, spans, lexicon)], lexicon)


def landmarks(sent: Span, notes: Annotations, lexicon: Lexicon) -> list[DamageObject]:
    """Objects the attack was near ("a strike next to a hospital"): the damage of an event that
    names nothing else, since a report mentions a landmark because it was affected."""
    spans = _damage_spans(sent, notes, lexicon)
    return _objects(sent, [s for s in spans if _landmark(sent, s, spans, lexicon)], lexicon)


def _damage_spans(sent: Span, notes: Annotations, lexicon: Lexicon) -> list[Span]:
    if not (notes.of("damage_cue", sent) or notes.of("weapon", sent) or _violent_trigger(sent, notes, lexicon)):
        return []
    return [s for s in notes.of("damage", sent) if not _place_of_care(sent, s)]


def _objects(sent: Span, spans: list[Span], lexicon: Lexicon) -> list[DamageObject]:
    """One object per compound, with its count; generic ones only when nothing more specific is named."""
    found: list[tuple[DamageObject, bool]] = []
    numbers = quantities(sent, lexicon.numbers)
    taken = {t.i for s in spans for t in s}
    for compound in _compounds(spans):
        head = _head(compound, lexicon)
        start, end = compound[0].start, compound[-1].end
        count = next((n.value for n in numbers if n.end == start and sent.doc[n.start].lower_ not in ("a", "an")), None)
        found += [(obj, False) for obj in _coordinated(sent, compound[0], taken, lexicon)]
        text = sent.doc[start:end].text
        found.append((DamageObject(lexicon.damage[head.label_], text, count), head.label_ in lexicon.generic_damage))
    specific = [obj for obj, generic in found if not generic]
    return specific or [obj for obj, _ in found]


# Words that may stand between a proximity word and the landmark it names ("near the central
# market", "next to what appears to be a school", "close to the school and a hospital"); not a
# comma, which may end the place phrase ("outside Kharkiv, a school was hit").
_LANDMARK_FILLERS = frozenset(
    {"a", "an", "the", "what", "appears", "appear", "to", "be", "reported", "local", "central", "and", "or", "/"}
)


def _landmark(sent: Span, span: Span, spans: list[Span], lexicon: Lexicon) -> bool:
    """ "a crater next to a school", "shelling near the market": a place named to say where
    something happened, not an object that was hit ("next to a damaged school" is damage)."""
    doc = sent.doc
    inside = {t.i for s in spans for t in s}
    i = span.start - 1
    while i >= sent.start and span.start - i <= 10:
        if any(_ends_with(sent, i, cue) for cue in lexicon.proximity_cues):
            return True
        token = doc[i]
        if not (token.i in inside or token.lower_ in _LANDMARK_FILLERS or token.is_title):
            return False
        i -= 1
    return False


def _ends_with(sent: Span, i: int, phrase: str) -> bool:
    words = phrase.split()
    start = i - len(words) + 1
    return start >= sent.start and [t.lower_ for t in sent.doc[start : i + 1]] == words


_COORDINATORS = frozenset({"and", "or", ",", "/", "&"})


def _coordinated(sent: Span, span: Span, taken: set[int], lexicon: Lexicon) -> list[DamageObject]:
    """Modifiers that share the noun of a damage phrase: "commercial and residential buildings"
    names commercial buildings too, and "schools and residential buildings" does not."""
    modifier, _, noun = span.label_.rpartition(" ")
    if not modifier:
        return []
    found: list[DamageObject] = []
    doc = sent.doc
    i = span.start - 1
    while i > sent.start and doc[i].lower_ in _COORDINATORS:
        phrase = f"{doc[i - 1].lower_} {noun}"
        if phrase not in lexicon.damage or (i - 1) in taken:
            break
        found.append(DamageObject(lexicon.damage[phrase], f"{doc[i - 1].text} {noun}"))
        i -= 2
    return found[::-1]


def _compounds(spans: list[Span]) -> list[list[Span]]:
    """Damage phrases that follow each other with nothing between name one object ("railway
    hospital", "school building", "bus depot")."""
    groups: list[list[Span]] = []
    for span in spans:
        if groups and groups[-1][-1].end == span.start:
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups


def _head(compound: list[Span], lexicon: Lexicon) -> Span:
    """The noun a compound is about: its last word, unless that is a generic container, which
    takes the kind of what it belongs to ("school building" is a school, "bus depot" a depot)."""
    specific = [s for s in compound if s.label_ not in lexicon.generic_damage]
    return specific[-1] if specific else compound[-1]


def _violent_trigger(sent: Span, notes: Annotations, lexicon: Lexicon) -> bool:
    return any(lexicon.triggers[t.label_][0].violent for t in notes.of("trigger", sent))


_TAKEN = frozenset(
    {
        "taken",
        "rushed",
        "brought",
        "admitted",
        "transported",
        "evacuated",
        "sent",
        "remain",
        "remains",
        "died",
        "treated",
        "hiding",
        "sheltering",
        "sheltered",
        "spent",
    }
)


def _place_of_care(sent: Span, span: Span) -> bool:
    """ "taken to hospital", "in hospital", "sheltering in a shelter": where people went, not
    what was hit ("damage to what appears to be a hospital" is damage)."""
    if span.label_ not in ("hospital", "shelter"):
        return False
    doc = sent.doc
    i = span.start - 1
    if i >= sent.start and doc[i].lower_ in ("a", "the"):
        i -= 1
    if i < sent.start or doc[i].lower_ not in ("to", "in", "into", "at"):
        return False
    in_care = i == span.start - 1 and doc[i].lower_ == "in"  # "in hospital", no article
    return in_care or (i - 1 >= sent.start and doc[i - 1].lower_ in _TAKEN)


def outages(sent: Span, notes: Annotations, lexicon: Lexicon) -> list[Outage]:
    """Services the sentence says were cut, with how many homes/people/... when stated."""
    cues = notes.of("outage_cue", sent)
    if not cues:
        return []
    units = notes.of("unit", sent)
    numbers = quantities(sent, lexicon.numbers)
    found: dict[object, Outage] = {}
    for service in notes.of("service", sent):
        near = [c for c in cues if abs(c.start - service.start) <= 6]
        if not near:
            continue
        kind = lexicon.services[service.label_]
        counted = _outage_count(sent, units, numbers, lexicon)
        count, unit = counted if counted else (None, None)
        previous = found.get(kind)
        if previous is None or (previous.count is None and count is not None):
            found[kind] = Outage(kind, count, unit)
    return list(found.values())


def _outage_count(
    sent: Span, units: tuple[Span, ...], numbers: list[Quantity], lexicon: Lexicon
) -> tuple[int, OutageUnit] | None:
    for unit in units:
        n = next(
            (n for n in numbers if 0 <= unit.start - n.end <= 2 and sent.doc[n.start].lower_ not in ("a", "an")), None
        )
        if n is not None:
            return n.value, lexicon.outage_units[unit.label_]
    return None


def attacker(sent: Span, notes: Annotations, lexicon: Lexicon) -> str | None:
    """Who the sentence says attacked: "Russian missiles", "Russian forces launched", "hit by the enemy"."""
    anchors = [s.start for s in notes.of("trigger", sent)] + [s.start for s in notes.of("weapon", sent)]
    if not anchors:
        return None
    candidates = []
    verbs = {s.start for s in notes.of("attack_verb", sent)}
    for actor in notes.of("actor", sent):
        if _is_attacker(actor, verbs, lexicon):
            candidates.append(actor)
    if not candidates:
        return None
    first_anchor = min(anchors)
    before = [a for a in candidates if a.start < first_anchor]
    chosen = before[-1] if before else candidates[0]
    return lexicon.actors[chosen.label_]


def _is_attacker(actor: Span, verbs: set[int], lexicon: Lexicon) -> bool:
    doc = actor.doc
    after = doc[actor.end] if actor.end < len(doc) else None
    if after is not None and after.lower_ in ("'s", "\u2019s", "'"):
        return False
    if after is not None and after.lower_ in lexicon.roles:
        return False
    before = doc[actor.start - 1] if actor.start > 0 else None
    if before is not None and before.lower_ == "by":
        return True
    label = actor.label_
    if any(
        w in label
        for w in (
            "forces",
            "troops",
            "army",
            "military",
            "occupiers",
            "invaders",
            "enemy",
            "militants",
            "mercenaries",
            "separatists",
        )
    ):
        return True
    if label in ("russian", "ukrainian") and after is not None and not after.is_punct:
        return True
    return any(actor.end <= v <= actor.end + 3 for v in verbs)
