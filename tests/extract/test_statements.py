from __future__ import annotations

import pytest

from sitroom import nlp
from sitroom.extract.lexicon import Lexicon
from sitroom.extract.matchers import Matchers
from sitroom.extract.statements import statements

PIPELINE = nlp.build()


def said(text: str, lexicon: Lexicon) -> list[tuple[str, str | None, str, bool]]:
    doc = PIPELINE(text)
    notes = Matchers(PIPELINE, lexicon).annotate(doc)
    return [(s.speaker, s.role, s.quote, s.direct) for s in statements(doc, notes, lexicon, frozenset())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"More than 1,100 homes were left without heating," Restoration Minister Oleksiy Kuleba said.',
            [("Oleksiy Kuleba", "Restoration Minister", "More than 1,100 homes were left without heating", True)],
        ),
        (
            '"The city held," said Mayor Ihor Terekhov.',
            [("Ihor Terekhov", "Mayor", "The city held", True)],
        ),
        (
            "Mayor Ihor Terekhov said strikes damaged thermal energy systems.",
            [("Ihor Terekhov", "Mayor", "strikes damaged thermal energy systems", False)],
        ),
        (
            "President Volodymyr Zelenskyy has repeatedly stressed that peace cannot wait.",
            [("Volodymyr Zelenskyy", "President", "peace cannot wait", False)],
        ),
        (
            "Hours after US President Donald Trump suggested there could be “good news” on talks.",
            [("Donald Trump", "President", "good news", True)],
        ),
        (
            "Oleh Kiper, the governor of the region, said two people were injured.",
            [("Oleh Kiper", "governor of the region", "two people were injured", False)],
        ),
        (
            'Governor Oleh Syniehubov said: "Two drones hit the city centre."',
            [("Oleh Syniehubov", "Governor", "Two drones hit the city centre", True)],
        ),
        (
            "Two people were injured in the attack, according to Governor Ivan Fedorov.",
            [("Ivan Fedorov", "Governor", "Two people were injured in the attack", False)],
        ),
        ("Officials said the damage was severe.", []),
    ],
)
def test_attribution_forms(text: str, expected: list[tuple[str, str | None, str, bool]], lexicon: Lexicon) -> None:
    assert said(text, lexicon) == expected


def test_surname_and_pronoun_resolve_to_the_full_name(lexicon: Lexicon) -> None:
    text = (
        "Foreign Minister Andrii Sybiha said the talks were useful. "
        "Sybiha added that more meetings would follow. "
        '"We are ready," he said.'
    )
    assert [s[0] for s in said(text, lexicon)] == ["Andrii Sybiha"] * 3


def test_adding_that_with_a_partial_quote_is_a_second_direct_statement(lexicon: Lexicon) -> None:
    text = (
        '"The night was hard," Minister Oleksiy Kuleba said, adding that Russia had attacked '
        "“homes, heat, and basic living conditions” across the country."
    )
    assert said(text, lexicon) == [
        ("Oleksiy Kuleba", "Minister", "The night was hard", True),
        ("Oleksiy Kuleba", "Minister", "homes, heat, and basic living conditions", True),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Kremlin spokesperson, Dmitry Peskov, said on Wednesday that fighting would continue.",
            [("Dmitry Peskov", "Kremlin spokesperson", "fighting would continue", False)],
        ),
        (
            "A woman was killed and two people injured in the attack, regional head Mykola Kalashnyk says.",
            [("Mykola Kalashnyk", "regional head", "A woman was killed and two people injured in the attack", False)],
        ),
        (
            "But Zelensky said Friday that battles were ongoing in the east.",
            [("Zelensky", None, "battles were ongoing in the east", False)],
        ),
        (
            "Ukraine's emergencies service DSNS says 13 people were injured.",
            [("Ukraine's emergencies service DSNS", None, "13 people were injured", False)],
        ),
    ],
)
def test_more_attribution_forms(text: str, expected: list[tuple[str, str | None, str, bool]], lexicon: Lexicon) -> None:
    assert said(text, lexicon) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the verb is followed by where it was said, not by what
            "Three apartment blocks were damaged in the night, Mayor Ihor Terekhov posted on Telegram.\n",
            [("Ihor Terekhov", "Mayor", "Three apartment blocks were damaged in the night", False)],
        ),
        (  # a quotation that opens the sentence, with an apposition before the verb
            "“The bridge will be rebuilt,” Oleksandr Prokudin, the head of the regional administration, "
            "told the Suspilne broadcaster.",
            [("Oleksandr Prokudin", "head of the regional administration", "The bridge will be rebuilt", True)],
        ),
        (  # a participle clause after the verb says how it was said
            "The ceasefire proposal was a trap, Deputy Foreign Minister Andrei Rudenko added, "
            "repeating earlier claims.",
            [("Andrei Rudenko", "Deputy Foreign Minister", "The ceasefire proposal was a trap", False)],
        ),
    ],
)
def test_what_was_said_comes_before_the_speaker(
    text: str, expected: list[tuple[str, str | None, str, bool]], lexicon: Lexicon
) -> None:
    assert said(text, lexicon) == expected


def test_surname_after_a_titled_mention_that_said_nothing(lexicon: Lexicon) -> None:
    text = "US President Donald Trump arrived in Alaska. Trump said the meeting went well."
    assert [s[0] for s in said(text, lexicon)] == ["Donald Trump"]
