from __future__ import annotations

from sitroom.dedupe import distance, near_duplicate, simhash

STORY = (
    "Russian forces attacked Kharkiv overnight with drones and a ballistic missile, damaging an apartment "
    "block and a school in the Kyivskyi district, the regional governor said on Tuesday. Two people were "
    "injured and power was cut to parts of the city while rescuers searched the rubble."
)


def test_syndicated_copy_is_a_near_duplicate() -> None:
    copy = "KHARKIV (Agency) - " + STORY.replace("on Tuesday", "on Tuesday morning") + " Reporting by staff."
    assert near_duplicate(simhash(STORY), simhash(copy))


def test_different_story_is_not() -> None:
    other = (
        "Ukraine and Russia exchanged prisoners of war on Friday after mediation by the United Arab Emirates, "
        "with 150 captives returning home, officials in Kyiv said, as talks on a ceasefire stalled again."
    )
    assert distance(simhash(STORY), simhash(other)) > 16


def test_deterministic_and_case_insensitive() -> None:
    assert simhash(STORY) == simhash(STORY.upper())
    assert simhash("") == 0
