"""Weapon phrases of a Ukrainian sentence and what happened to them.

A sentence's units are marked with the lexicons (model names, weapon nouns, cues, numbers), then
read left to right into `Item`s:

- a number starts a phrase; the weapon noun or model right after it gives the class
  ("101 ударним БпЛА типу Shahed", "двома протикорабельними ракетами Циркон/Онікс");
- models joined by "/" are one combined model ("Іскандер-М/С-400" -> Iskander-M/S-400); models and
  drones listed after a counted drone phrase without their own number belong to its mix ("типу
  Shahed, Гербера, Італмас та дронами-імітаторами типу «Пародія»" is one phrase: Shahed-136, with
  the decoys inside its count);
- a phrase with no number counts 1 when its noun is unambiguously singular ("балістичною
  ракетою"), and nothing otherwise;
- a "total" noun ("177 цілей", "570 засобів повітряного нападу") is an overall count, never a weapon,
  and so is a bare number after a cue in a sentence that names no weapon ("Збито 70.");
- a number closed by the cue right after it counts the weapons just named ("з них 62 збито");
- words inside brackets are not read ("(в т.ч. реактивними)", "(райони пуску – ...)").

Each item then gets the role of its cue (`cues.tsv`): the nearest cue before it ("збито/подавлено
95 ..."), unless a cue right after it closes it ("ракета Х-31 не досягла цілі", "ще 20 БпЛА
локаційно втрачені"). A cue directly followed by a phrase opens that phrase instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sitroom.extract.uk.lexicon import Phrase, UkLexicon, WeaponModel, WeaponNoun
from sitroom.extract.uk.morph import Morphology
from sitroom.extract.uk.numbers import Number, read_number
from sitroom.extract.uk.units import Unit, fold
from sitroom.model import WeaponClass

NUMBER_REACH = 4  # units between a number and the noun or model it counts ("101 ворожих ударних БпЛА")
CLOSING_ROLES = frozenset({"lost", "not_reached"})  # roles a cue may give to the phrase before it
BRACKETS = {"(": ")", "[": "]"}


@dataclass(frozen=True)
class Mark:
    kind: str  # model, noun, cue, number
    start: int  # unit indexes, end exclusive
    end: int
    model: WeaponModel | None = None
    noun: WeaponNoun | None = None
    cue: str | None = None
    number: Number | None = None


@dataclass(frozen=True)
class Item:
    """One weapon phrase: its class, model(s), count and the role of its cue."""

    weapon_class: WeaponClass | None
    models: tuple[str, ...]
    count: int | None
    role: str  # weapon, decoy or total
    start: int  # character offsets
    end: int
    status: str | None = None  # launch, intercept, lost, not_reached, hit, debris
    counted: bool = False  # the count was stated (a number), not read off a singular noun
    mix: bool = False  # other models or decoys fly inside its count
    additional: bool = False  # "ще 20 БпЛА": more of what was counted before
    again: bool = False  # "обидві ракети": the weapons counted before, never more of them

    @property
    def model(self) -> str | None:
        """The normalised model: combined with "/" when the text joins several."""
        return "/".join(dict.fromkeys(self.models)) if self.models else None


def marks(us: Sequence[Unit], lexicon: UkLexicon) -> list[Mark]:
    """The lexicon matches of a sentence's units, left to right, longest first; none in brackets."""
    found: list[Mark] = []
    depth: list[str] = []
    i = 0
    longest = lexicon.longest
    while i < len(us):
        text = us[i].text
        if text in BRACKETS:
            depth.append(BRACKETS[text])
            i += 1
            continue
        if depth:
            if text == depth[-1]:
                depth.pop()
            i += 1
            continue
        mark = _match(us, i, lexicon, longest)
        if mark is None and (number := read_number(us, i, lexicon)) is not None:
            mark = Mark("number", number.start, number.end, number=number)
        if mark is None:
            i += 1
            continue
        found.append(mark)
        i = mark.end
    return found


def _match(us: Sequence[Unit], i: int, lexicon: UkLexicon, longest: int) -> Mark | None:
    for n in range(min(longest, len(us) - i), 0, -1):
        keys: Phrase = tuple(u.key for u in us[i : i + n])
        lemmas: Phrase = tuple(u.lemma for u in us[i : i + n])
        if keys in lexicon.models:
            return Mark("model", i, i + n, model=lexicon.models[keys])
        named: Phrase = tuple(fold(u.lemma) if u.text[:1].isupper() else u.key for u in us[i : i + n])
        if named != keys and named in lexicon.models:  # a capitalised name in another case: "Кинджали"
            return Mark("model", i, i + n, model=lexicon.models[named])
        if lemmas in lexicon.cues:
            return Mark("cue", i, i + n, cue=lexicon.cues[lemmas])
        if lemmas in lexicon.nouns:
            return Mark("noun", i, i + n, noun=lexicon.nouns[lemmas])
    return None


def items(us: Sequence[Unit], found: Sequence[Mark], lexicon: UkLexicon, morph: Morphology) -> list[Item]:
    """The weapon phrases of a sentence (see the module's docstring), without their roles."""
    out: list[Item] = []
    current: Item | None = None
    last = -1  # unit index where the current phrase ends
    pending: Number | None = None
    bare = False  # the pending number follows a cue directly: "з них збито 40", "збито ще 15"
    last_model = False  # the phrase so far ends in a model name
    previous = ""  # the kind of the mark before
    for mark in found:
        last_model, was_model = mark.kind == "model", last_model
        counted = pending is not None and mark.kind in ("noun", "model") and mark.start - pending.end <= NUMBER_REACH
        if pending is not None and bare and not counted and out and out[-1].role != "total":
            out.append(_bare(us, pending, out[-1], lexicon))  # a number of the weapons just named
            pending = None
        elif pending is not None and bare and not counted and not out and _alone(us, pending):
            out.append(_overall(us, pending))  # "Збито 70, локаційно втрачено 5": no weapon named yet
            pending = None
        if mark.kind == "number":
            pending, bare = mark.number, previous == "cue"
            previous = mark.kind
            continue
        previous = mark.kind
        if mark.kind == "cue":
            if pending is not None and current is not None and _closes(us, pending, mark):
                # "ще 14 – локаційно втрачені", "з них 62 збито": a number of the weapons just named,
                # closed by its cue
                start, end = us[pending.start].start, us[pending.end - 1].end
                status = None if mark.cue in CLOSING_ROLES else mark.cue  # closing roles are given by `roles`
                out.append(
                    Item(current.weapon_class, (), pending.value, "weapon", start, end, status=status, counted=True)
                )
            pending = None
            current = None
            continue
        gap = _unbracketed(us, last, mark.start) if current is not None else []
        glued = current is not None and all(t in lexicon.glue or t == "/" for t in gap)
        if mark.kind == "model" and mark.model is not None:
            if current is not None and not counted and not gap and current.models and was_model:
                # "Х-47М2 Кинджал": two names of one weapon, or parts of one written without "/"
                if mark.model.model not in current.models:
                    current = _extend(out, replace(current, models=(*current.models, mark.model.model)))
            elif current is not None and not counted and glued and gap and all(t == "/" for t in gap):
                current = _extend(
                    out, replace(current, models=(*current.models, mark.model.model), end=us[mark.end - 1].end)
                )
            elif current is not None and not counted and glued and not current.models:
                current = _extend(
                    out,
                    replace(
                        current,
                        models=(mark.model.model,),
                        end=us[mark.end - 1].end,
                        weapon_class=_said_class(current.weapon_class, mark.model.weapon_class),
                    ),
                )
            elif current is not None and not counted and glued and _is_drone(current):
                current = _extend(out, replace(current, mix=True, end=us[mark.end - 1].end))
            else:
                count = pending.value if counted and pending else None
                more = counted and pending is not None and _additional(us, pending, lexicon)
                start, end = us[mark.start].start, us[mark.end - 1].end
                model = (mark.model.model,)
                again = counted and pending is not None and _again(us, pending, lexicon)
                current = Item(
                    mark.model.weapon_class,
                    model,
                    count,
                    "weapon",
                    start,
                    end,
                    counted=counted,
                    additional=more,
                    again=again,
                )
                out.append(current)
            pending = None if counted else pending
            last = mark.end
            continue
        noun = mark.noun
        if noun is None:
            continue
        if current is not None and not counted and glued and gap and _is_drone(current) and _drone_noun(noun):
            current = _extend(out, replace(current, mix=True, end=us[mark.end - 1].end))
        else:
            if counted and pending is not None:
                count, stated = pending.value, True
                more, again = _additional(us, pending, lexicon), _again(us, pending, lexicon)
            else:
                count, stated, more, again = (1 if morph.singular(us[mark.end - 1].text) else None), False, False, False
            start, end = us[mark.start].start, us[mark.end - 1].end
            current = Item(
                noun.weapon_class, (), count, noun.role, start, end, counted=stated, additional=more, again=again
            )
            out.append(current)
            pending = None
        last = mark.end
    if pending is not None and bare and out and out[-1].role != "total":
        out.append(_bare(us, pending, out[-1], lexicon))
    elif pending is not None and bare and not out and _alone(us, pending):
        out.append(_overall(us, pending))  # "Збито 70."
    return out


def _alone(us: Sequence[Unit], number: Number) -> bool:
    """True when no word follows a number ("Збито 70.", "Збито 60: ..."; not "атакував 4 серпня")."""
    return number.end >= len(us) or not us[number.end].is_word


def _overall(us: Sequence[Unit], number: Number) -> Item:
    """A bare count in a sentence that names no weapon: an overall count, like "83 цілі"."""
    start, end = us[number.start].start, us[number.end - 1].end
    return Item(None, (), number.value, "total", start, end, counted=True)


def _closes(us: Sequence[Unit], number: Number, cue: Mark) -> bool:
    """True when a cue right after a number says what happened to it: a closing role one unit on
    ("ще 14 – локаційно втрачені"), any role with at most a dash between ("з них 62 збито", "40 –
    знешкоджено"; not "на 5 серпня збито")."""
    gap = us[number.end : cue.start]
    if cue.cue in CLOSING_ROLES:
        return len(gap) <= 1
    return len(gap) <= 1 and all(not u.is_word and not u.is_number for u in gap)


def _bare(us: Sequence[Unit], number: Number, named: Item, lexicon: UkLexicon) -> Item:
    start, end = us[number.start].start, us[number.end - 1].end
    more = _additional(us, number, lexicon)
    return Item(named.weapon_class, named.models, number.value, "weapon", start, end, counted=True, additional=more)


def _additional(us: Sequence[Unit], number: Number, lexicon: UkLexicon) -> bool:
    """True when a number is said to add to an earlier count ("ще 20", "додатково 5")."""
    before = us[number.start - 1 : number.start] if number.start else []
    return any(
        u.lemma in lexicon.additive or u.text.lower() in lexicon.additive
        for u in (*before, *us[number.start : number.end])
    )


def _again(us: Sequence[Unit], number: Number, lexicon: UkLexicon) -> bool:
    """True when a number counts weapons already counted ("обидві ракети": `anaphoric_numbers.txt`)."""
    return any(u.lemma in lexicon.anaphoric for u in us[number.start : number.end])


def _unbracketed(us: Sequence[Unit], start: int, end: int) -> list[str]:
    """The lowercase units of us[start:end] that are not inside brackets (nor brackets)."""
    out: list[str] = []
    depth: list[str] = []
    for u in us[start:end]:
        if u.text in BRACKETS:
            depth.append(BRACKETS[u.text])
        elif depth and u.text == depth[-1]:
            depth.pop()
        elif not depth:
            out.append(u.text.lower())
    return out


def _extend(out: list[Item], item: Item) -> Item:
    out[-1] = item
    return item


def _said_class(said: WeaponClass | None, named: WeaponClass) -> WeaponClass:
    """The class of a noun and the model it names: the noun's when it is specific and of the model's
    family ("балістичними ракетами С-300" is ballistic), else the model's ("ракетами Х-59")."""
    if said is not None and said.family == named.family and said.value != said.family:
        return said
    return named


def _is_drone(item: Item) -> bool:
    return item.weapon_class is not None and item.weapon_class.family == "drone" and item.count is not None


def _drone_noun(noun: WeaponNoun) -> bool:
    return noun.weapon_class is not None and noun.weapon_class.family == "drone"


def roles(us: Sequence[Unit], found: Sequence[Mark], phrases: Sequence[Item], inherited: str | None) -> list[Item]:
    """Each phrase with the role its cue gives it; `inherited` is the role of a list's heading."""
    cues = [m for m in found if m.kind == "cue"]
    starts = [p.start for p in phrases]
    out = []
    for k, phrase in enumerate(phrases):
        if phrase.status is not None:  # closed by its own cue in `items` ("з них 62 збито")
            out.append(phrase)
            continue
        before = [c for c in cues if us[c.end - 1].end <= phrase.start]
        after_end = starts[k + 1] if k + 1 < len(phrases) else None
        closing = [
            c for c in cues
            if us[c.start].start >= phrase.end and (after_end is None or us[c.start].start < after_end)
            and c.cue in CLOSING_ROLES and not _opens(c, found, us, after_end)
        ]  # fmt: skip
        status: str | None
        if closing:
            status = closing[0].cue
        elif before:
            status = before[-1].cue
        elif inherited is not None:
            status = inherited
        else:
            status = next((c.cue for c in cues if us[c.start].start >= phrase.end), None)
        out.append(replace(phrase, status=status))
    return out


def _opens(cue: Mark, found: Sequence[Mark], us: Sequence[Unit], next_start: int | None) -> bool:
    """True when a cue is directly followed by the next phrase ("локаційно втрачено 10 БпЛА")."""
    if next_start is None:
        return False
    following = [m for m in found if m.start >= cue.end]
    if not following or following[0].start - cue.end > 1:
        return False
    first = following[0]
    return first.kind in ("number", "model") or (first.noun is not None and first.noun.role != "total")


def last_cue(found: Sequence[Mark]) -> str | None:
    """The role of a sentence's last cue: what a list under it ("...: - 4 ракети ...") inherits."""
    return next((m.cue for m in reversed(found) if m.kind == "cue"), None)
