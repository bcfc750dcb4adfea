"""The spaCy machinery: a blank tokenizer for the language and our own sentence splitter.

`build(language)` makes the pipeline once; callers pass it on. Nothing here loads a statistical
model or touches the network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

SENTENCE_END = frozenset({".", "!", "?", "…"})
OPENING_QUOTES = frozenset({"\u201c", "\u00ab", "\u2018", "\u201e"})
CLOSING_QUOTES = frozenset({"\u201d", "\u00bb", "\u2019"})
STRAIGHT_QUOTE = '"'
# Words whose full stop does not end a sentence ("School No. 24", "Gen. Syrskyi", "Dec. 3").
ABBREVIATIONS = frozenset(
    {
        *("no", "nos", "st", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "maj", "gov"),
        *("rep", "sen", "prof", "jr", "sr", "vs", "approx", "incl"),
        *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
    }
)
CLOSERS = frozenset({")", "]", *CLOSING_QUOTES, STRAIGHT_QUOTE, "'"})


def build(language: str = "en") -> Language:
    """A blank spaCy pipeline for `language` with sitroom's sentence splitter."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("sitroom_sentences"):
        Language.component("sitroom_sentences", func=split_sentences)
    nlp = spacy.blank(language)
    nlp.add_pipe("sitroom_sentences")
    return nlp


def split_sentences(doc: Doc) -> Doc:
    """Mark sentence starts in a way that copes with news text.

    - A line break ends a sentence (headings have no full stop), unless the line has no end
      punctuation and the next one starts in lower case (a sentence broken across lines).
    - ".", "!", "?" end a sentence when a capital, digit or opening quote follows, even with no
      space ("abroad.Russian forces" is split by the tokenizer already); so does the full stop
      that the tokenizer leaves on a model name ("ракетою Х-31П. Збито", "Іскандер-М. Обидві").
    - Nothing ends inside a quotation that closes later in the same paragraph, so a quote of
      several sentences stays one sentence with its attribution.
    """
    tokens = list(doc)
    if not tokens:
        return doc
    for token in tokens:
        token.is_sent_start = token.i == 0
    open_quote = False
    closes_later = _quote_closings(tokens)
    for i, token in enumerate(tokens):
        if _is_quote(token.text):
            open_quote = _toggles_open(token.text, open_quote)
            if open_quote and not closes_later[i]:
                open_quote = False
        if "\n" in token.text and token.is_space:
            _break_after_newline(tokens, i)
            open_quote = False
            continue
        ends = token.text in SENTENCE_END and not _after_abbreviation(tokens, i)
        if (ends or _name_with_stop(tokens, i)) and not open_quote:
            nxt = _next_word(tokens, i)
            if nxt is not None and _starts_sentence(nxt.text):
                nxt.is_sent_start = True
    return doc


def _name_with_stop(tokens: list[Token], i: int) -> bool:
    """True for a model name that the tokenizer kept with the full stop after it: "Х-31П." or the
    "М." of "Іскандер-М." (not an initial such as "В. Зеленський", nor "U.S.")."""
    text = tokens[i].text
    if len(text) < 2 or not text.endswith(".") or "." in text[:-1]:
        return False
    glued = i > 0 and tokens[i - 1].text == "-" and not tokens[i - 1].whitespace_
    return glued or (any(c.isdigit() for c in text) and any(c.isalpha() for c in text))


def _after_abbreviation(tokens: list[Token], i: int) -> bool:
    if tokens[i].text != "." or i == 0:
        return False
    prev = tokens[i - 1]
    return not prev.whitespace_ and prev.lower_ in ABBREVIATIONS


def _quote_closings(tokens: list[Token]) -> list[bool]:
    """For each token, whether a closing quote follows before the paragraph ends."""
    result = [False] * len(tokens)
    seen_close = False
    for i in range(len(tokens) - 1, -1, -1):
        text = tokens[i].text
        if tokens[i].is_space and "\n" in text:
            seen_close = False
        result[i] = seen_close
        if text in CLOSING_QUOTES or text == STRAIGHT_QUOTE:
            seen_close = True
    return result


def _is_quote(text: str) -> bool:
    return text in OPENING_QUOTES or text in CLOSING_QUOTES or text == STRAIGHT_QUOTE


def _toggles_open(text: str, open_quote: bool) -> bool:
    if text in OPENING_QUOTES:
        return True
    if text in CLOSING_QUOTES:
        return False
    return not open_quote


def _break_after_newline(tokens: list[Token], i: int) -> None:
    nxt = _next_word(tokens, i)
    if nxt is None:
        return
    prev = _previous_word(tokens, i)
    joined_line = prev is not None and prev.text not in SENTENCE_END | CLOSERS and nxt.text[:1].islower()
    if not joined_line:
        nxt.is_sent_start = True


def _next_word(tokens: list[Token], i: int) -> Token | None:
    for token in tokens[i + 1 :]:
        if not token.is_space:
            return token
    return None


def _previous_word(tokens: list[Token], i: int) -> Token | None:
    for token in reversed(tokens[:i]):
        if not token.is_space:
            return token
    return None


def _starts_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or first in OPENING_QUOTES or first == STRAIGHT_QUOTE
