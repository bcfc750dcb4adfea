"""Language dispatch: one extractor per language, chosen per article by `sitroom.language.detect`.

`MultilingualExtractor` is what `build.build_extractor` returns: English articles go to
`sitroom.extract.Extractor` exactly as before, Ukrainian ones to
`sitroom.extract.uk.UkrainianExtractor`; a language with no extractor of its own (Russian, for
now) is read by the English one, as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from sitroom.language import FrequentWords, detect, load_frequent_words
from sitroom.model import Article, Extraction

__all__ = ["ArticleExtractor", "MultilingualExtractor"]


class ArticleExtractor(Protocol):
    """What the pipeline needs from an extractor."""

    def extract(self, article: Article) -> Extraction: ...


class MultilingualExtractor:
    """Holds an extractor per language and reads each article with the one for its language."""

    def __init__(
        self,
        default: ArticleExtractor,
        by_language: Mapping[str, ArticleExtractor],
        words: FrequentWords | None = None,
    ) -> None:
        self.default = default
        self.by_language = dict(by_language)
        self.words = words or load_frequent_words()

    def language(self, article: Article) -> str:
        return detect(article, self.words)

    def extractor_for(self, article: Article) -> ArticleExtractor:
        return self.by_language.get(self.language(article), self.default)

    def extract(self, article: Article) -> Extraction:
        return self.extractor_for(article).extract(article)
