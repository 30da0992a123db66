"""Tests of generator.models: each entity carries the details of its own type only."""

from __future__ import annotations

import pytest

from generator.models import AidInfo, Entity, EventInfo, PersonInfo, Role


def test_an_entity_starts_with_the_empty_details_of_its_type_and_no_others() -> None:
    person, event = Entity("ada", "person", "Ada Lind"), Entity("summit", "event", "Summit")
    package, place = Entity("aid", "aid_package", "$1 aid"), Entity("paris", "place", "Paris")
    assert (person.person, person.event, person.aid) == (PersonInfo(), None, None)
    assert (event.person, event.event, event.aid) == (None, EventInfo(), None)
    assert (package.person, package.event, package.aid) == (None, None, AidInfo())
    assert (place.person, place.event, place.aid) == (None, None, None)


def test_details_of_another_type_are_refused() -> None:
    with pytest.raises(ValueError, match="a person has no event details: ada"):
        Entity("ada", "person", "Ada Lind", event=EventInfo("2024-01-01"))
    with pytest.raises(ValueError, match="a place has no aid details"):
        Entity("paris", "place", "Paris", aid=AidInfo(donor="x"))


def test_retype_drops_the_old_details_and_roles_are_a_persons_alone() -> None:
    ada = Entity("ada", "person", "Ada Lind", person=PersonInfo([Role("Mayor", None, ["a1"])]))
    assert [r.title for r in ada.roles] == ["Mayor"]
    ada.retype("event")
    assert (ada.type, ada.person, ada.event, ada.roles) == ("event", None, EventInfo(), [])
    ada.retype("event")  # the same type keeps what it has
    assert ada.event == EventInfo()
