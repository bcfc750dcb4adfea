from __future__ import annotations

import pytest

from sitroom.language import declared, detect, detect_text
from sitroom.model import Article


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("У ніч на 26 червня противник атакував 7 балістичними ракетами Іскандер-М.", "uk"),
        ("Внаслідок атаки на Харківщині загинули дві людини, ще п'ятеро поранені.", "uk"),
        ("Ночью противник атаковал Харьковскую область, погибли два человека, ещё пятеро ранены.", "ru"),
        ("Russian forces launched a large-scale aerial assault targeting Kyiv overnight.", "en"),
        ("Damages on Mariupil Hospital Nr. 1 (Мариупольская Городская Больница №1)", "en"),
        ("ЗБИТО/ПОДАВЛЕНО 95 ВОРОЖИХ БПЛА типу Shahed", "uk"),
        ("", "en"),
    ],
)
def test_detects_script_and_frequent_words(text: str, language: str) -> None:
    assert detect_text(text) == language


def test_the_document_field_overrides_detection() -> None:
    text = "Russian forces launched drones at Kyiv."
    assert detect(Article("a", text, language="uk-UA")) == "uk"
    assert detect(Article("a", text, language="ukr")) == "uk"
    assert detect(Article("a", text, language="xx")) == "en"  # unknown: detected
    assert detect(Article("a", text)) == "en"


def test_declared_spellings() -> None:
    assert [declared(v) for v in ("uk", "UA", "ru_RU", "English", None, "")] == ["uk", "uk", "ru", "en", None, None]
