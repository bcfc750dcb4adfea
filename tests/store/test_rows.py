"""Conversions between model values and rows, without a database."""

from __future__ import annotations

import datetime as dt

from store_values import ARTICLE_B, GENEVA_TALKS, KULEBA, KYIV_STRIKE, ODESA_STRIKE, POKROVSK_CLASH

from sitroom.model import EventType, Mention, Victims, Weapon, WeaponClass
from sitroom.store import rows


def test_mentions_round_trip() -> None:
    for mention in (KYIV_STRIKE, GENEVA_TALKS, POKROVSK_CLASH, ODESA_STRIKE, Mention(EventType.OTHER)):
        assert rows.mention_from_row(rows.fact_row(mention)) == mention


def test_victims_and_air_force_counts_round_trip() -> None:
    mention = Mention(
        EventType.STRIKE, killed=2, victims=Victims.MILITARY, hits=3, debris_locations=2, lost_from_radar=1
    )
    assert rows.mention_from_row(rows.fact_row(mention)) == mention


def test_statements_round_trip() -> None:
    assert rows.statement_from_row(rows.statement_row(KULEBA)) == KULEBA


def test_articles_round_trip_in_utc() -> None:
    ingested = dt.datetime(2025, 11, 16, 10, 0)
    row = rows.article_row(ARTICLE_B, ingested)
    assert row["ingested_at"] == ingested.replace(tzinfo=dt.UTC)
    assert row["published"].utcoffset() == dt.timedelta(0)
    assert rows.article_from_row(row) == ARTICLE_B


def test_weapon_terms_list_class_family_and_model_once() -> None:
    weapons = (
        Weapon(WeaponClass.ATTACK_DRONE, "Shahed-136"),
        Weapon(WeaponClass.FPV_DRONE),
        Weapon(WeaponClass.CRUISE_MISSILE, "Kh-101"),
    )
    assert rows.weapon_terms(weapons) == "|attackdrone|drone|shahed136|fpvdrone|cruisemissile|missile|kh101|"
    assert rows.weapon_terms(()) == ""
