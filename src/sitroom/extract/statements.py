"""Attributed statements: who said what, quoted or reported.

Handles "X said ...", "... said X", quotes before and after the attribution, "according to X",
titles before names ("Restoration Minister Oleksiy Kuleba"), appositions ("Oleh Kiper, the
governor of the region, said"), "adding that ...", pronouns ("he said") and a bare quote that
continues the previous speaker. A partial quotation inside reported speech is a direct statement
of the quoted words; reported speech without quotes is indirect, the reported clause.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitroom.extract.lexicon import Lexicon
from sitroom.extract.matchers import Annotations
from sitroom.model import Span as TextSpan
from sitroom.model import Statement
from sitroom.nlp import CLOSING_QUOTES, OPENING_QUOTES, STRAIGHT_QUOTE

_SKIP_BEFORE_VERB = frozenset(
    {
        "has",
        "have",
        "had",
        "also",
        "earlier",
        "later",
        "repeatedly",
        "consistently",
        "previously",
        "again",
        "then",
        "once",
        "already",
        "further",
        "would",
        "will",
        "on",
        "in",
        "a",
        "statement",
    }
)
_PRONOUNS = frozenset({"he", "she"})
_CONNECTORS = frozenset({"of", "the", "'s", "\u2019s", "-", "and"})
_CLAUSE_SKIP = frozenset(
    {
        "that",
        ",",
        ":",
        "reporters",
        "journalists",
        "on",
        "in",
        "a",
        "statement",
        "the",
        "media",
        "social",
        "telegram",
        "television",
        "tv",
        "briefing",
        "at",
        "late",
        "earlier",
        "later",
        "news",
        "conference",
        "press",
        "video",
        "address",
        "nightly",
        "evening",
        "his",
        "her",
        "its",
        "their",
    }
)
_CLAUSE_END = frozenset({"adding", "but"})
# Words of "where or to whom it was said" after a speech verb ("the RIA Novosti news agency").
_MEDIUM_WORDS = frozenset(
    {"'s", "\u2019s", "agency", "channel", "post", "interview", "website", "account", "tweet", "x"}
)


@dataclass(frozen=True)
class Speaker:
    name: str
    role: str | None
    affiliation: str | None
    start: int
    end: int


def statements(doc: Doc, notes: Annotations, lexicon: Lexicon, place_tokens: frozenset[int]) -> list[Statement]:
    """Every attributed statement in the doc, in text order."""
    found: list[Statement] = []
    place_tokens = place_tokens | {t.i for p in notes.of("party") for t in p}
    known = _titled_names(doc, lexicon, place_tokens)
    last: Speaker | None = None
    for sent in doc.sents:
        quotes = _quote_regions(sent)
        verbs = [v for v in notes.of("speech", sent) if not _inside(v.start, quotes)]
        verbs += _according_to(sent)
        verbs.sort(key=lambda v: v.start)
        said_here = False
        sentence_speaker: Speaker | None = None
        for verb in verbs:
            speaker = _speaker(sent, verb, notes, lexicon, place_tokens, quotes)
            if speaker is None and verb[0].lower_ in _PRONOUN_VERBS_OK and sentence_speaker is not None:
                speaker = sentence_speaker
            elif speaker is not None and speaker.name.lower() in _PRONOUNS:
                speaker = (
                    None
                    if last is None
                    else Speaker(last.name, last.role, last.affiliation, speaker.start, speaker.end)
                )
            if speaker is None:
                continue
            speaker = _with_full_name(speaker, known)
            for quote, direct in _content(sent, verb, speaker, quotes):
                found.append(
                    Statement(speaker.name, quote, direct, speaker.role, speaker.affiliation, (_text_span(sent),))
                )
                said_here = True
            if " " in speaker.name:
                known[speaker.name.split()[-1].lower()] = speaker
            sentence_speaker = speaker
            last = speaker
        if not said_here and last is not None and quotes and _is_bare_quote(sent, quotes):
            start, end = quotes[0]
            found.append(
                Statement(
                    last.name,
                    _quote_text(sent.doc[start + 1 : end]),
                    True,
                    last.role,
                    last.affiliation,
                    (_text_span(sent),),
                )
            )
    return found


_PRONOUN_VERBS_OK = frozenset({"adding", "added", "adds"})


def _titled_names(doc: Doc, lexicon: Lexicon, place_tokens: frozenset[int]) -> dict[str, Speaker]:
    """Full names given anywhere with a title ("US President Donald Trump"), by surname, so that
    "Trump said" later is Donald Trump."""
    known: dict[str, Speaker] = {}
    for t in doc:
        if t.lower_ not in lexicon.roles or not t.is_title:
            continue
        end = t.i + 1
        while end < len(doc) and end - t.i <= 3 and _is_name_token(doc[end], lexicon, place_tokens):
            end += 1
        if end - t.i < 3:
            continue
        sent = doc[t.i].sent
        speaker = _name_run(doc, (_run_left(sent, t.i, lexicon)[0], end), lexicon, place_tokens)
        if speaker is not None and " " in speaker.name:
            known.setdefault(speaker.name.split()[-1].lower(), speaker)
    return known


def _text_span(sent: Span) -> TextSpan:
    text = sent.text
    stripped = text.rstrip()
    return TextSpan(sent.start_char, sent.start_char + len(stripped))


def _quote_regions(sent: Span) -> list[tuple[int, int]]:
    """Token index pairs (open, close) of quotations in the sentence."""
    regions = []
    open_at: int | None = None
    for t in sent:
        if t.text in OPENING_QUOTES or (t.text == STRAIGHT_QUOTE and open_at is None):
            open_at = t.i
        elif (t.text in CLOSING_QUOTES or t.text == STRAIGHT_QUOTE) and open_at is not None:
            if t.text == "\u2019" and t.i + 1 < len(t.doc) and t.nbor(1).is_alpha and not t.whitespace_:
                continue
            regions.append((open_at, t.i))
            open_at = None
    return regions


def _inside(i: int, regions: list[tuple[int, int]]) -> bool:
    return any(a < i < b for a, b in regions)


def _according_to(sent: Span) -> list[Span]:
    doc = sent.doc
    return [
        doc[t.i : t.i + 2]
        for t in sent
        if t.lower_ == "according" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "to"
    ]


def _speaker(
    sent: Span,
    verb: Span,
    notes: Annotations,
    lexicon: Lexicon,
    place_tokens: frozenset[int],
    quotes: list[tuple[int, int]],
) -> Speaker | None:
    if verb[0].lower_ == "according":
        return _speaker_right(sent, verb.end, notes, lexicon, place_tokens)
    left = _speaker_left(sent, verb.start, notes, lexicon, place_tokens)
    if left is not None:
        return left
    return _speaker_right(sent, verb.end, notes, lexicon, place_tokens)


def _speaker_left(
    sent: Span, verb_start: int, notes: Annotations, lexicon: Lexicon, place_tokens: frozenset[int]
) -> Speaker | None:
    doc = sent.doc
    j = verb_start - 1
    while j >= sent.start and (
        doc[j].lower_ in _SKIP_BEFORE_VERB or (doc[j].lower_.endswith("ly") and doc[j].is_lower)
    ):
        j -= 1
    if j < sent.start:
        return None
    if doc[j].lower_ in _PRONOUNS:
        return Speaker(doc[j].text, None, None, j, j + 1)
    body = _body_ending_at(notes, j)
    if body is not None:
        return _body_speaker(doc, body, lexicon, place_tokens)
    if doc[j].text == ",":
        return _apposition(sent, j, lexicon, place_tokens)
    return _name_run(doc, _run_left(sent, j, lexicon), lexicon, place_tokens)


def _speaker_right(
    sent: Span, start: int, notes: Annotations, lexicon: Lexicon, place_tokens: frozenset[int]
) -> Speaker | None:
    doc = sent.doc
    end = start
    while end < sent.end and (
        _is_title_word(doc[end]) or doc[end].lower_ in lexicon.roles or doc[end].lower_ in _CONNECTORS
    ):
        end += 1
    while end > start and doc[end - 1].lower_ in _CONNECTORS:
        end -= 1
    body = next((b for b in notes.of("body", sent) if start <= b.start < end), None)
    if body is not None and not any(_is_title_word(t) and t.lower_ not in lexicon.roles for t in doc[body.end : end]):
        return _body_speaker(doc, body, lexicon, place_tokens)
    speaker = _name_run(doc, (start, end), lexicon, place_tokens)
    if speaker is None and end < sent.end and doc[end].text == ",":
        # "said the regional governor, Oleh Kiper"
        after = end + 1
        stop = after
        while stop < sent.end and _is_title_word(doc[stop]):
            stop += 1
        named = _name_run(doc, (after, stop), lexicon, place_tokens)
        if named is not None:
            role = doc[start:end].text.removeprefix("the ").strip() or None
            return Speaker(named.name, role, named.affiliation, after, stop)
    return speaker


def _run_left(sent: Span, j: int, lexicon: Lexicon) -> tuple[int, int]:
    """Token range of the capitalised name-and-title run that ends at j."""
    doc = sent.doc
    start = j + 1
    i = j
    while i >= sent.start:
        t = doc[i]
        if _is_title_word(t) or t.lower_ in lexicon.roles or (t.lower_ in _CONNECTORS and i > sent.start and i < j):
            start = i
            i -= 1
            continue
        break
    while start <= j and doc[start].lower_ in _CONNECTORS:
        start += 1
    return start, j + 1


def _apposition(sent: Span, comma: int, lexicon: Lexicon, place_tokens: frozenset[int]) -> Speaker | None:
    """ "Oleh Kiper, the governor of the region, said" -> Oleh Kiper, role from the apposition."""
    doc = sent.doc
    k = comma - 1
    while k > sent.start and doc[k].text != "," and comma - k <= 14:
        k -= 1
    if doc[k].text != ",":
        return None
    apposition = doc[k + 1 : comma]
    if not any(t.lower_ in lexicon.roles for t in apposition):
        return _name_in_apposition(sent, k, comma, lexicon, place_tokens)
    speaker = _name_run(doc, _run_left(sent, k - 1, lexicon), lexicon, place_tokens)
    if speaker is None:
        return None
    role = apposition.text.strip()
    for article in ("the ", "The ", "a ", "an "):
        role = role.removeprefix(article)
    return Speaker(speaker.name, role, speaker.affiliation, speaker.start, speaker.end)


def _not_part_of_title(t: Token, lexicon: Lexicon) -> bool:
    """Words that open a sentence before a title ("But", "The") and are not part of it."""
    return t.lower_ in ("the", "a", "an") or (t.lower_ in lexicon.not_names and t.lower_ not in lexicon.roles)


def _name_in_apposition(
    sent: Span, k: int, comma: int, lexicon: Lexicon, place_tokens: frozenset[int]
) -> Speaker | None:
    """ "The Kremlin spokesperson, Dmitry Peskov, said": the title before, the name between commas."""
    doc = sent.doc
    named = list(doc[k + 1 : comma])
    if not 2 <= len(named) <= 4 or not all(_is_name_token(t, lexicon, place_tokens) for t in named):
        return None
    title_start, title_end = _run_left(sent, k - 1, lexicon)
    title = list(doc[title_start:title_end])
    if not any(t.lower_ in lexicon.roles for t in title):
        return None
    while title and _not_part_of_title(title[0], lexicon):
        title = title[1:]
    return Speaker(_join(named), _join(title) or None, None, named[0].i, named[-1].i + 1)


def _name_run(doc: Doc, bounds: tuple[int, int], lexicon: Lexicon, place_tokens: frozenset[int]) -> Speaker | None:
    """Split a run like "US President Donald Trump" into affiliation, role and name."""
    start, end = bounds
    if start >= end:
        return None
    tokens = list(doc[start:end])
    name_start = len(tokens)
    while name_start > 0 and _is_name_token(tokens[name_start - 1], lexicon, place_tokens):
        name_start -= 1
    name_tokens = tokens[name_start:]
    while name_tokens and name_tokens[0].text == "-":
        name_tokens = name_tokens[1:]
    if not name_tokens:
        return None
    if (
        len(name_tokens) == 1
        and name_start == 0
        and doc[start].is_sent_start
        and not _capitalised_surname(name_tokens[0])
    ):
        return None
    prefix = tokens[: len(tokens) - len(name_tokens)]
    affiliation_tokens = []
    for t in prefix:
        if t.i in place_tokens or t.lower_ in lexicon.actors or _is_acronym(t) or t.lower_ in ("'s", "\u2019s"):
            affiliation_tokens.append(t)
        else:
            break
    role_tokens = prefix[len(affiliation_tokens) :]
    while role_tokens and _not_part_of_title(role_tokens[0], lexicon):
        role_tokens = role_tokens[1:]
    affiliation = " ".join(t.text for t in affiliation_tokens if t.lower_ not in ("'s", "\u2019s")) or None
    role = _join(role_tokens) or None
    name = _join(name_tokens)
    return Speaker(name, role, affiliation, start, end)


def _join(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _capitalised_surname(t: Token) -> bool:
    return t.is_title and len(t.text) > 2


def _is_name_token(t: Token, lexicon: Lexicon, place_tokens: frozenset[int]) -> bool:
    if t.text == "-":
        return True
    return (
        _is_title_word(t)
        and t.lower_ not in lexicon.roles
        and t.lower_ not in lexicon.not_names
        and t.i not in place_tokens
        and t.lower_ not in lexicon.actors
        and not _is_acronym(t)
    )


def _is_title_word(t: Token) -> bool:
    text = t.text
    return bool(text) and text[0].isupper() and (t.is_alpha or "'" in text or "\u2019" in text or text.endswith("."))


def _is_acronym(t: Token) -> bool:
    letters = t.text.replace(".", "")
    return letters.isupper() and 1 < len(letters) <= 4


def _body_ending_at(notes: Annotations, j: int) -> Span | None:
    """The named body ending at token j, joined with a body phrase right before it
    ("emergencies service DSNS")."""
    bodies = notes.spans.get("body", ())
    found = next((b for b in bodies if b.end - 1 == j), None)
    if found is None:
        return None
    before = next((b for b in bodies if b.end == found.start), None)
    if before is None:
        return found
    joined = found.doc[before.start : found.end]
    joined.label_ = found.label_
    return joined


def _body_speaker(doc: Doc, body: Span, lexicon: Lexicon, place_tokens: frozenset[int]) -> Speaker:
    """ "Ukraine's Air Force", "the Kremlin", "Ukrenergo" as a speaker."""
    start = body.start
    affiliation = lexicon.bodies.get(body.label_) or None
    if (
        start >= 2
        and doc[start - 1].lower_ in ("'s", "\u2019s")
        and (doc[start - 2].i in place_tokens or doc[start - 2].lower_ in lexicon.actors)
    ):
        start -= 2
        affiliation = affiliation or doc[start].text
    elif start >= 1 and (doc[start - 1].i in place_tokens or doc[start - 1].lower_ in lexicon.actors):
        start -= 1
        affiliation = affiliation or doc[start].text
    name = doc[start : body.end].text
    return Speaker(name, None, affiliation, start, body.end)


def _with_full_name(speaker: Speaker, known: dict[str, Speaker]) -> Speaker:
    """ "Trump" after "Donald Trump" is Donald Trump, with the title given earlier."""
    if " " in speaker.name:
        return speaker
    earlier = known.get(speaker.name.lower())
    if earlier is None:
        return speaker
    return Speaker(
        earlier.name,
        speaker.role or earlier.role,
        speaker.affiliation or earlier.affiliation,
        speaker.start,
        speaker.end,
    )


def _content(sent: Span, verb: Span, speaker: Speaker, quotes: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """What the speaker said: the quotation next to the verb, else the reported clause."""
    doc = sent.doc
    for a, b in quotes:
        # "...," Minister X said   /   "...," said X   /   "...," X, deputy head of Y, told Z
        between = [t for t in doc[b + 1 : verb.start] if not speaker.start <= t.i < speaker.end]
        if b < verb.start and (
            all(t.is_punct or t.is_space or t.lower_ in _SKIP_BEFORE_VERB for t in between)
            or (_opens(sent, a) and b < speaker.start < verb.start and verb[0].lower_ not in _CLAUSE_END)
        ):
            return [(_quote_text(doc[a + 1 : b]), True)]
    for a, b in quotes:
        # X said: "..."
        gap = doc[max(verb.end, speaker.end) : a]
        if a >= verb.end and all(t.is_punct or t.lower_ in _CLAUSE_SKIP for t in gap) and len(gap) <= 4:
            return [(_quote_text(doc[a + 1 : b]), True)]
    start = _clause_start(sent, max(verb.end, speaker.end) if speaker.start > verb.start else verb.end)
    end = sent.end
    for t in doc[start : sent.end]:
        if t.lower_ in _CLAUSE_END and t.i > start and doc[t.i - 1].text == ",":
            end = t.i - 1
            break
    if verb[0].lower_ == "according":
        return _according_content(sent, verb, speaker)
    if _no_content(doc[start:end]):
        return _content_before(sent, speaker)
    inner = [(a, b) for a, b in quotes if start <= a and b < end]
    if inner:
        return [(_quote_text(doc[a + 1 : b]), True) for a, b in inner]
    return [(_quote_text(doc[start:end]), False)]


_WHEN_WORDS = frozenset(
    {
        "on",
        "late",
        "early",
        "earlier",
        "later",
        "today",
        "yesterday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "night",
        "morning",
        "evening",
    }
)


def _clause_start(sent: Span, i: int) -> int:
    """Where the reported clause begins after "said": past "Friday that", "on Telegram that",
    "reporters:", or right away ("said the city was hit")."""
    doc = sent.doc
    for j in range(i, min(i + 9, sent.end)):
        if doc[j].lower_ == "that" and all(t.lower_ in _CLAUSE_SKIP or t.lower_ in _WHEN_WORDS for t in doc[i:j]):
            return j + 1
    while i < sent.end and (
        doc[i].is_punct or doc[i].lower_ in _WHEN_WORDS or doc[i].lower_ in ("reporters", "journalists")
    ):
        i += 1
    return i


def _opens(sent: Span, i: int) -> bool:
    """Token i is the first word of the sentence (a quotation that opens it)."""
    return next((t.i for t in sent if not t.is_space), sent.end) == i


def _no_content(after: Span) -> bool:
    """What follows the verb says where or to whom, not what ("posted on Telegram", "told the RIA
    Novosti news agency", "in a video address"), or is a participle clause about the saying
    ("added, echoing earlier comments", "said, citing intelligence"; "adding that ..." is content)."""
    words = [t for t in after if not (t.is_punct or t.is_space)]
    if len(words) < 3 or all(t.lower_ in _CLAUSE_SKIP or t.lower_ in _MEDIUM_WORDS or t.is_title for t in words):
        return True
    first = words[0]
    return (
        after.doc[first.i - 1].text == ","
        and first.lower_.endswith("ing")
        and (len(words) < 2 or words[1].lower_ != "that")
        and first.lower_ not in _CLAUSE_END
    )


def _content_before(sent: Span, speaker: Speaker) -> list[tuple[str, bool]]:
    """ "Two people were injured, the governor says." -> what comes before the attribution."""
    doc = sent.doc
    first = min(speaker.start, sent.end)
    while first > sent.start and not doc[first - 1].is_punct:
        first -= 1
    if first <= sent.start or doc[first - 1].text != ",":
        return []
    text = doc[sent.start : first - 1].text
    return [(_clean(text), False)] if len(text.split()) >= 3 else []


def _according_content(sent: Span, verb: Span, speaker: Speaker) -> list[tuple[str, bool]]:
    """ "X happened, according to Y." -> the rest of the sentence, reported."""
    doc = sent.doc
    before = doc[sent.start : verb.start]
    after = doc[speaker.end : sent.end]
    text = before.text.strip().rstrip(",") if len(before) > 2 else after.text.strip().lstrip(",")
    return [(_clean(text), False)] if len(text.split()) >= 3 else []


def _quote_text(span: Span) -> str:
    return _clean(span.text)


def _clean(text: str) -> str:
    text = text.strip()
    while text and text[-1] in ",.;:":
        text = text[:-1].rstrip()
    for q in ("\u201c", "\u201d", '"', "\u00ab", "\u00bb"):
        text = text.replace(q, "") if text.count(q) == 1 else text
    return text.strip()


def _is_bare_quote(sent: Span, quotes: list[tuple[int, int]]) -> bool:
    """The whole sentence is one quotation (it continues the previous speaker)."""
    words = [t for t in sent if not t.is_space]
    if not words:
        return False
    a, b = quotes[0]
    return words[0].i == a and (b >= words[-1].i - 1)
