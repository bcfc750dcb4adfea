from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom import nlp


@pytest.fixture(scope="module")
def pipeline() -> Language:
    return nlp.build()


def sentences(pipeline: Language, text: str) -> list[str]:
    return [s.text.strip() for s in pipeline(text).sents]


def test_missing_space_after_full_stop(pipeline: Language) -> None:
    text = "They prepare for talks abroad.Russian forces launched an assault."
    assert sentences(pipeline, text) == ["They prepare for talks abroad.", "Russian forces launched an assault."]


def test_heading_without_full_stop_is_its_own_sentence(pipeline: Language) -> None:
    text = "The attack ended at dawn.\nTiming casts shadow over peace efforts\nThe renewed bombardment came later."
    assert sentences(pipeline, text) == [
        "The attack ended at dawn.",
        "Timing casts shadow over peace efforts",
        "The renewed bombardment came later.",
    ]


def test_sentence_broken_across_lines_stays_whole(pipeline: Language) -> None:
    text = "Ukraine and Russia prepare for another round of discussions\nabroad. Then they left."
    assert sentences(pipeline, text) == [
        "Ukraine and Russia prepare for another round of discussions\nabroad.",
        "Then they left.",
    ]


def test_quotation_of_several_sentences_stays_with_its_attribution(pipeline: Language) -> None:
    text = '"We will rebuild. We will not give up," Mayor Ihor Terekhov said. Officials agreed.'
    assert sentences(pipeline, text) == [
        '"We will rebuild. We will not give up," Mayor Ihor Terekhov said.',
        "Officials agreed.",
    ]


def test_curly_quotes_and_abbreviations(pipeline: Language) -> None:
    text = "“It was a hard night. Nobody slept,” Mr. Klitschko said. U.S. officials declined to comment."
    assert sentences(pipeline, text) == [
        "“It was a hard night. Nobody slept,” Mr. Klitschko said.",
        "U.S. officials declined to comment.",
    ]


def test_unclosed_quote_does_not_swallow_the_paragraph(pipeline: Language) -> None:
    text = '"An unclosed quote starts here. Another sentence follows.\nA new paragraph.'
    assert len(sentences(pipeline, text)) == 3


def test_empty_text(pipeline: Language) -> None:
    assert sentences(pipeline, "") == []


def test_abbreviations_do_not_end_sentences(pipeline: Language) -> None:
    text = "School No. 24 was shelled on Dec. 3 in Kherson. Gen. Syrskyi said so."
    assert sentences(pipeline, text) == ["School No. 24 was shelled on Dec. 3 in Kherson.", "Gen. Syrskyi said so."]
