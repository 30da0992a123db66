"""Tests of generator.resolve.entities: from hand-built NER mentions to entities."""

from __future__ import annotations

from generator.models import Article, ArticleExtraction, Entity
from generator.resolve.entities import acronym_definitions, resolve_entities
from generator.slugs import SlugRegistry
from tests.builders import make


def resolve(*docs: tuple[Article, ArticleExtraction], ids: SlugRegistry | None = None) -> list[Entity]:
    return resolve_entities([a for a, _ in docs], {a.id: e for a, e in docs}, ids)


def by_name(entities: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def mention_texts(entity: Entity) -> list[tuple[str, str]]:
    return [(m.article, m.text) for m in entity.mentions]


def test_surname_joins_full_name_in_same_article() -> None:
    doc = make(
        "a1",
        ["Edith Marlow arrived on Monday.", "Later Marlow said the harbor was busy."],
        [(0, "Edith Marlow", "PERSON"), (1, "Marlow", "PERSON")],
    )
    entities = resolve(doc)
    assert [e.name for e in entities] == ["Edith Marlow"]
    marlow = entities[0]
    assert marlow.type == "person"
    assert marlow.aliases == ["Marlow"]
    assert mention_texts(marlow) == [("a1", "Edith Marlow"), ("a1", "Marlow")]


def test_surname_joins_unique_full_name_across_articles() -> None:
    a = make("a1", ["Edith Marlow arrived on Monday."], [(0, "Edith Marlow", "PERSON")])
    b = make("b1", ["Reporters later asked Marlow about the harbor."], [(0, "Marlow", "PERSON")])
    entities = by_name(resolve(a, b))
    assert "Marlow" not in entities
    assert mention_texts(entities["Edith Marlow"]) == [("a1", "Edith Marlow"), ("b1", "Marlow")]


def test_shared_surname_resolves_per_article() -> None:
    a = make(
        "a1",
        ["Edith Marlow visited the port.", "Later Marlow said the port was busy."],
        [(0, "Edith Marlow", "PERSON"), (1, "Marlow", "PERSON")],
    )
    b = make(
        "b1",
        ["Conrad Marlow opened a bakery.", "Now Marlow sells rye bread."],
        [(0, "Conrad Marlow", "PERSON"), (1, "Marlow", "PERSON")],
    )
    c = make("c1", ["Nobody knew where Marlow went."], [(0, "Marlow", "PERSON")])
    entities = by_name(resolve(a, b, c))
    assert mention_texts(entities["Edith Marlow"]) == [("a1", "Edith Marlow"), ("a1", "Marlow")]
    assert mention_texts(entities["Conrad Marlow"]) == [("b1", "Conrad Marlow"), ("b1", "Marlow")]
    # the third article names no full name: ambiguous, so it joins neither
    assert "c1" not in entities["Edith Marlow"].articles
    assert "c1" not in entities["Conrad Marlow"].articles


def test_kiev_and_kyiv_merge_into_one_place_even_if_labelled_person() -> None:
    a = make("a1", ["Envoys gathered in Kyiv on Monday."], [(0, "Kyiv", "GPE")])
    b = make("b1", ["Talks in Kiev ended late."], [(0, "Kiev", "PERSON")])
    places = [e for e in resolve(a, b) if e.type == "place"]
    assert len(places) == 1
    kyiv = places[0]
    assert kyiv.name == "Kyiv"
    assert kyiv.aliases == ["Kiev"]
    assert kyiv.articles == ["a1", "b1"]


def test_acronym_defined_in_text_merges_with_later_uses() -> None:
    doc = make(
        "a1",
        [
            "Farmers joined the Council for Rural Advancement (CRA) last year.",
            "Members say the CRA is slow.",
            "Still, CRA grants helped.",
        ],
        [(0, "Council for Rural Advancement", "ORG"), (0, "CRA", "ORG"), (1, "CRA", "ORG"), (2, "CRA", "ORG")],
    )
    entities = resolve(doc)
    assert len(entities) == 1
    council = entities[0]
    assert council.name == "Council for Rural Advancement"
    assert council.type == "organization"
    assert council.aliases == ["CRA"]
    assert len(council.mentions) == 4


def test_acronym_definitions_trims_leading_capitalized_words() -> None:
    article, _ = make("a1", ["Farmers Council for Rural Advancement (CRA) met."], [])
    assert acronym_definitions([article]) == {"cra": "Council for Rural Advancement"}


def test_acronym_definitions_trims_leading_particles() -> None:
    article, _ = make("a1", ["Members of the Council for Rural Advancement (CRA) met."], [])
    assert acronym_definitions([article]) == {"cra": "Council for Rural Advancement"}


def test_acronym_after_members_of_the_merges() -> None:
    doc = make(
        "a1",
        ["Members of the Council for Rural Advancement (CRA) met.", "Later the CRA voted."],
        [(0, "the Council for Rural Advancement", "ORG"), (0, "CRA", "ORG"), (1, "CRA", "ORG")],
    )
    entities = resolve(doc)
    assert [(e.name, e.aliases) for e in entities] == [("Council for Rural Advancement", ["CRA"])]


def test_acronym_before_its_long_form_is_defined_too() -> None:
    article, _ = make("a1", ["The CRA (Council for Rural Advancement) met."], [])
    assert acronym_definitions([article]) == {"cra": "Council for Rural Advancement"}


def test_acronym_spelled_out_two_ways_keeps_each_articles_own_reading() -> None:
    a1 = make(
        "a1",
        ["The Council for Rural Advancement (CRA) met.", "The CRA voted."],
        [(0, "Council for Rural Advancement", "ORG"), (1, "CRA", "ORG")],
    )
    a2 = make(
        "a2",
        ["The Coastal Rescue Agency (CRA) sailed.", "The CRA returned."],
        [(0, "Coastal Rescue Agency", "ORG"), (1, "CRA", "ORG")],
    )
    a3 = make("a3", ["The CRA said nothing."], [(0, "CRA", "ORG")])
    entities = {e.name: sorted({m.article for m in e.mentions}) for e in resolve(a1, a2, a3)}
    assert acronym_definitions([a1[0], a2[0], a3[0]]) == {}
    assert entities == {"Council for Rural Advancement": ["a1"], "Coastal Rescue Agency": ["a2"], "CRA": ["a3"]}


def test_acronym_joins_the_long_name_of_its_article_whose_initials_it_is() -> None:
    doc = make(
        "a1",
        ["The National Transportation Safety Board will look into it.", "The NTSB said so."],
        [(0, "The National Transportation Safety Board", "ORG"), (1, "NTSB", "ORG")],
    )
    assert [(e.name, e.aliases) for e in resolve(doc)] == [("National Transportation Safety Board", ["NTSB"])]


def test_acronym_definition_ignored_when_letters_do_not_match() -> None:
    article, _ = make("a1", ["Farmers met the Council for Rural Advancement (XYZ) today."], [])
    assert acronym_definitions([article]) == {}


def test_us_spellings_merge() -> None:
    doc = make(
        "a1",
        ["Officials in the U.S. praised the deal.", "The United States and the US navy agreed."],
        [(0, "U.S.", "GPE"), (1, "United States", "GPE"), (1, "US", "GPE")],
    )
    entities = resolve(doc)
    assert len(entities) == 1
    us = entities[0]
    assert (us.name, us.type) == ("United States", "place")
    assert us.aliases == ["U.S.", "US"]


def test_first_name_alone_joins_the_one_person_the_article_named_so() -> None:
    doc = make(
        "a1",
        ["Edith Marlow spoke on Monday.", "Friends say Edith was tired."],
        [(0, "Edith Marlow", "PERSON"), (1, "Edith", "PERSON")],
    )
    entities = resolve(doc)
    assert [e.name for e in entities] == ["Edith Marlow"]
    assert [m.text for m in entities[0].mentions] == ["Edith Marlow", "Edith"]


def test_first_name_alone_gets_no_entity_when_it_could_be_two_people_or_none() -> None:
    two = make(
        "a1",
        ["Edith Marlow and Edith Roe spoke on Monday.", "Friends say Edith was tired."],
        [(0, "Edith Marlow", "PERSON"), (0, "Edith Roe", "PERSON"), (1, "Edith", "PERSON")],
    )
    assert sorted(e.name for e in resolve(two)) == ["Edith Marlow", "Edith Roe"]
    assert all(m.text != "Edith" for e in resolve(two) for m in e.mentions)
    before = make(
        "a1",
        ["Friends say Edith was tired.", "Edith Marlow spoke on Monday."],
        [(0, "Edith", "PERSON"), (1, "Edith Marlow", "PERSON")],
    )
    assert [m.text for e in resolve(before) for m in e.mentions] == ["Edith Marlow"]


def test_state_in_secretary_of_state_is_no_entity() -> None:
    doc = make(
        "a1",
        ["The Secretary of State Paul Brandt arrived."],
        [(0, "State", "ORG"), (0, "Paul Brandt", "PERSON")],
    )
    assert [e.name for e in resolve(doc)] == ["Paul Brandt"]


def test_title_before_makes_org_labelled_name_a_person() -> None:
    doc = make(
        "a1",
        ["Minister Tessa Varnholt spoke on Friday.", "Later Tessa Varnholt left."],
        [(0, "Tessa Varnholt", "ORG"), (1, "Tessa Varnholt", "ORG")],
    )
    (entity,) = resolve(doc)
    assert entity.type == "person"


def test_without_title_cue_org_label_stands() -> None:
    doc = make(
        "a1",
        ["Later, Korvath Varnholt spoke on Friday.", "Then Korvath Varnholt left."],
        [(0, "Korvath Varnholt", "ORG"), (1, "Korvath Varnholt", "ORG")],
    )
    (entity,) = resolve(doc)
    assert entity.type == "organization"


def test_a_given_name_opening_a_name_makes_it_a_person() -> None:
    doc = make(
        "a1",
        ["Later, Tessa Varnholt spoke on Friday.", "Crowds filled Victoria Falls."],
        [(0, "Tessa Varnholt", "ORG"), (1, "Victoria Falls", "GPE")],
    )
    assert {e.name: e.type for e in resolve(doc)} == {"Tessa Varnholt": "person", "Victoria Falls": "place"}


def test_a_surname_tagged_as_a_place_does_not_make_its_person_a_place() -> None:
    doc = make(
        "a1",
        ["Korvath Blankmoor spoke.", "Blankmoor said more.", "Blankmoor left.", "Blankmoor returned."],
        [(0, "Korvath Blankmoor", "PERSON"), (1, "Blankmoor", "GPE"), (2, "Blankmoor", "GPE"), (3, "Blankmoor", "GPE")],
    )
    (entity,) = resolve(doc)
    assert (entity.name, entity.type, len(entity.mentions)) == ("Korvath Blankmoor", "person", 4)


def test_a_surname_joins_a_full_name_the_tagger_misread_when_a_given_name_opens_it() -> None:
    # the tagger reads the full name and the bare surname as an organization each time: the given
    # name still makes it a person, and the surname joins it without outvoting it
    doc = make(
        "a1",
        ["Tessa Blankmoor read it.", "In July, Blankmoor declared it wrong.", "Then Blankmoor's report came."],
        [(0, "Tessa Blankmoor", "ORG"), (1, "Blankmoor", "ORG"), (2, "Blankmoor", "ORG")],
    )
    (entity,) = resolve(doc)
    assert (entity.name, entity.type, len(entity.mentions)) == ("Tessa Blankmoor", "person", 3)


def test_title_after_makes_org_labelled_name_a_person() -> None:
    doc = make(
        "a1",
        ["On Monday Tessa Varnholt, the foreign minister, spoke.", "Later Tessa Varnholt left."],
        [(0, "Tessa Varnholt", "ORG"), (1, "Tessa Varnholt", "ORG")],
    )
    (entity,) = resolve(doc)
    assert entity.type == "person"


def test_surname_with_title_after_is_a_person_and_joins_full_name() -> None:
    doc = make(
        "a1",
        ["On Monday Edith Marlow spoke.", "Later Marlow, the foreign minister, left."],
        [(0, "Edith Marlow", "PERSON"), (1, "Marlow", "ORG")],
    )
    (entity,) = resolve(doc)
    assert (entity.name, entity.type) == ("Edith Marlow", "person")
    assert entity.aliases == ["Marlow"]


def test_lone_surname_with_title_after_is_a_person() -> None:
    doc = make(
        "a1",
        ["Reporters waited.", "Later Marlow, the foreign minister, left the room."],
        [(1, "Marlow", "ORG")],
    )
    (entity,) = resolve(doc)
    assert (entity.name, entity.type) == ("Marlow", "person")


def test_surname_after_title_word_is_kept() -> None:
    doc = make(
        "a1",
        ["Paul Brandt arrived on Monday.", "Later Secretary Brandt met envoys."],
        [(0, "Paul Brandt", "PERSON"), (1, "Brandt", "PERSON")],
    )
    (entity,) = resolve(doc)
    assert [m.text for m in entity.mentions] == ["Paul Brandt", "Brandt"]


def test_mention_offsets_point_at_the_cleaned_text() -> None:
    doc = make("a1", ["Farmers met Harbor Council’s chair in Lisbon."], [(0, "Harbor Council’s", "ORG")])
    (entity,) = resolve(doc)
    m = entity.mentions[0]
    assert entity.name == "Harbor Council"
    assert doc[0].body[m.start : m.end] == "Harbor Council’s"[: m.end - m.start]
    assert doc[0].body[m.start : m.start + 14] == "Harbor Council"


def test_organization_keeps_the_article_the_tagger_gave_it_but_not_in_its_name() -> None:
    doc = make("a1", ["Farmers met the Harbor Council today."], [(0, "the Harbor Council", "ORG")])
    (entity,) = resolve(doc)
    m = entity.mentions[0]
    assert entity.name == "Harbor Council"
    assert doc[0].body[m.start : m.end] == "the Harbor Council"


def _corpus() -> list[tuple[Article, ArticleExtraction]]:
    return [
        make(
            "a1",
            ["Edith Marlow arrived in Kyiv on Monday.", "Later Marlow met the Harbor Council."],
            [(0, "Edith Marlow", "PERSON"), (0, "Kyiv", "GPE"), (1, "Marlow", "PERSON"), (1, "Harbor Council", "ORG")],
        ),
        make(
            "b1",
            ["Conrad Marlow left Kiev.", "Officials in Paris and the Harbor Council objected."],
            [(0, "Conrad Marlow", "PERSON"), (0, "Kiev", "GPE"), (1, "Paris", "GPE"), (1, "Harbor Council", "ORG")],
        ),
    ]


def test_ids_are_unique_and_deterministic() -> None:
    first = resolve(*_corpus())
    second = resolve(*_corpus())
    ids = [e.id for e in first]
    assert len(ids) == len(set(ids))
    assert ids == [e.id for e in second]
    assert [(e.name, e.aliases, mention_texts(e)) for e in first] == [
        (e.name, e.aliases, mention_texts(e)) for e in second
    ]
    assert {"edith-marlow", "conrad-marlow", "kyiv", "harbor-council", "paris"} <= set(ids)


def test_ids_avoid_slugs_already_claimed() -> None:
    registry = SlugRegistry()
    registry.claim("Paris")
    doc = make("a1", ["Officials met in Paris today."], [(0, "Paris", "GPE")])
    (entity,) = resolve(doc, ids=registry)
    assert entity.id == "paris-2"


def test_familiar_first_name_and_middle_initial_are_one_person() -> None:
    a = make("a1", ["Joseph R. Marlow signed the order."], [(0, "Joseph R. Marlow", "PERSON")])
    b = make(
        "b1",
        ["Joe Marlow spoke in the harbor.", "JOSEPH R. MARLOW JR. wrote."],
        [(0, "Joe Marlow", "PERSON"), (1, "JOSEPH R. MARLOW JR", "PERSON")],
    )
    c = make("c1", ["Joseph Marlow waved."], [(0, "Joseph Marlow", "PERSON")])
    (marlow,) = resolve(a, b, c)
    assert marlow.name == "Joseph R. Marlow"  # not the form shouted in a heading
    assert sorted(marlow.aliases) == ["JOSEPH R. MARLOW JR", "Joe Marlow", "Joseph Marlow"]


def test_different_middle_initials_are_different_people() -> None:
    a = make("a1", ["Anna B. Fenwick sailed."], [(0, "Anna B. Fenwick", "PERSON")])
    b = make("b1", ["Anna C. Fenwick stayed."], [(0, "Anna C. Fenwick", "PERSON")])
    c = make("c1", ["Anna Fenwick waved."], [(0, "Anna Fenwick", "PERSON")])
    assert sorted(e.name for e in resolve(a, b, c)) == ["Anna B. Fenwick", "Anna C. Fenwick", "Anna Fenwick"]


def test_common_word_is_not_a_name_and_joins_no_one() -> None:
    """A word the corpus also writes in lower case ("nominee") is not a person alone."""
    a = make(
        "a1",
        ["Nominee for the harbor board.", "Edith Nominee was named.", "The nominee will serve.", "A nominee left."],
        [(0, "Nominee", "PERSON"), (1, "Edith Nominee", "PERSON")],
    )
    b = make(
        "b1",
        ["Nominee for the bakery board, announced.", "Nominee for the port."],
        [(0, "Nominee", "PERSON"), (1, "Nominee", "PERSON")],
    )
    entities = by_name(resolve(a, b))
    assert "Nominee" not in entities
    # in the article that names her, the surname still joins the full name
    assert mention_texts(entities["Edith Nominee"]) == [("a1", "Nominee"), ("a1", "Edith Nominee")]


def test_heading_colon_and_leading_title_are_cut_from_names() -> None:
    doc = make(
        "a1",
        ["Edith Marlow: Nominee for Harbor Master.", "First Lady Ada Lind smiled."],
        [(0, "Edith Marlow: Nominee", "PERSON"), (1, "Lady Ada Lind", "PERSON")],
    )
    entities = by_name(resolve(doc))
    assert sorted(entities) == ["Ada Lind", "Edith Marlow"]
    (m,) = entities["Ada Lind"].mentions
    assert doc[0].body[m.start : m.end] == "Ada Lind"


def test_degrees_ships_and_digits_are_not_people_or_places() -> None:
    doc = make(
        "a1",
        [
            "She holds a B.A. from Harbor College.",
            "The USS Marlow docked.",
            "The G7 Leaders met.",
            "The Al Fenwick tribe fled.",
            "Critics read Marlow's Budget Plan.",
        ],
        [
            (0, "B.A.", "GPE"),
            (1, "USS Marlow", "PERSON"),
            (2, "G7 Leaders", "PERSON"),
            (3, "Al Fenwick", "PERSON"),
            (4, "Marlow's Budget Plan", "PERSON"),
        ],
    )
    entities = by_name(resolve(doc))
    assert "B.A." not in entities and "USS Marlow" not in entities and "G7 Leaders" not in entities
    assert "Marlow's Budget Plan" not in entities
    assert entities["Al Fenwick"].type == "organization"  # a tribe is a group, not a person


def test_acronym_is_no_person_and_a_big_city_is_a_place_whatever_the_tagger_says() -> None:
    doc = make(
        "a1",
        ["The HWTA met in Santa Ana.", "HWTA members left Santa Ana.", "Edith Marlow stayed."],
        [
            (0, "HWTA", "PERSON"),
            (0, "Santa Ana", "PERSON"),
            (1, "HWTA", "PERSON"),
            (1, "Santa Ana", "PERSON"),
            (2, "Edith Marlow", "PERSON"),
        ],
    )
    types = {e.name: e.type for e in resolve(doc)}
    assert types.get("HWTA") != "person"
    assert types["Santa Ana"] == "place"


def test_interview_labels_are_not_names() -> None:
    doc = make(
        "a1",
        ["((WN)) Where did Korvath Blankmoor go?", "\n((Korvath Blankmoor)) To Portvale.", "\nQ: And then?"],
        [(0, "WN", "ORG"), (0, "Korvath Blankmoor", "PERSON"), (1, "Korvath Blankmoor", "PERSON"), (2, "Q", "ORG")],
    )
    entities = resolve(doc)
    assert [(e.name, len(e.mentions)) for e in entities] == [("Korvath Blankmoor", 1)]


def test_spans_are_cut_at_round_brackets_and_glued_sentences() -> None:
    doc = make(
        "a1",
        ["Troops left Afghanistan.Trump said so.", "The Harbor Authority (Portvale) met."],
        [(0, "Afghanistan.Trump", "GPE"), (1, "Harbor Authority (Portvale", "ORG")],
    )
    assert sorted((e.name, e.type) for e in resolve(doc)) == [
        ("Afghanistan", "place"),
        ("Harbor Authority", "organization"),
        ("Portvale", "organization"),
        ("Trump", "place"),
    ]


def test_a_quotation_mark_ends_a_name_but_a_quoted_nickname_stays_inside_it() -> None:
    doc = make(
        "a1",
        ['The Harbor Authority said on Chirper "Tallowmere is wrong."', 'Korvath "The Rock" Blankmoor agreed.'],
        [(0, 'Chirper "Tallowmere', "ORG"), (1, 'Korvath "The Rock" Blankmoor', "PERSON")],
    )
    names = sorted(e.name for e in resolve(doc))
    assert names == ["Chirper", 'Korvath "The Rock" Blankmoor', "Tallowmere"]


def test_square_brackets_are_an_editors_insertion_into_the_name() -> None:
    doc = make(
        "a1",
        ["He backed [Korvath B.] Blankmoor in 88."],
        [(0, "[Korvath B.] Blankmoor", "PERSON")],
    )
    assert [e.name for e in resolve(doc)] == ["Korvath B. Blankmoor"]


def test_an_honorific_makes_any_name_a_person_and_is_not_part_of_it() -> None:
    doc = make(
        "a1",
        ["A study by Dr. Naomi Varnholt was published.", "Dr Varnholt said more.", "Mrs. Varnholt agreed."],
        [(0, "Naomi Varnholt", "PERSON"), (1, "Dr Varnholt", "ORG"), (2, "Mrs. Varnholt", "GPE")],
    )
    (entity,) = resolve(doc)
    assert (entity.name, entity.type, [m.text for m in entity.mentions]) == (
        "Naomi Varnholt",
        "person",
        ["Naomi Varnholt", "Varnholt", "Varnholt"],
    )


def test_titles_and_countries_glued_before_a_name_are_split_off() -> None:
    doc = make(
        "a1",
        [
            "Indian Prime Minister Korvath Blankmoor spoke.",
            "Speaker of the House Tessa Varnholt replied.",
            "India Korvath Blankmoor left.",
        ],
        [
            (0, "Indian Prime Minister Korvath Blankmoor", "PERSON"),
            (1, "House Tessa Varnholt", "PERSON"),
            (2, "India Korvath Blankmoor", "PERSON"),
        ],
    )
    entities = {e.name: (e.type, len(e.mentions)) for e in resolve(doc)}
    assert entities == {"Korvath Blankmoor": ("person", 2), "Tessa Varnholt": ("person", 1), "India": ("place", 1)}


def test_a_party_named_after_a_document_is_an_organization() -> None:
    doc = make(
        "a1",
        ["The Constitution Party met.", "The Charter was signed."],
        [(0, "Constitution Party", "ORG"), (1, "Charter", "ORG")],
    )
    assert [(e.name, e.type) for e in resolve(doc)] == [("Constitution Party", "organization")]


def test_words_that_open_place_names_are_no_given_names() -> None:
    doc = make(
        "a1",
        ["Reporters from Al Jazeera went to West Bengal."],
        [(0, "Al Jazeera", "ORG"), (0, "West Bengal", "GPE")],
    )
    assert {e.name: e.type for e in resolve(doc)} == {"Al Jazeera": "organization", "West Bengal": "place"}


def test_a_given_name_of_any_language_makes_a_misread_name_a_person() -> None:
    doc = make(
        "a1",
        ["Then Narendra Tallowmere spoke.", "Later Perttu Kelmscott wrote."],
        [(0, "Narendra Tallowmere", "ORG"), (1, "Perttu Kelmscott", "ORG")],
    )
    assert {e.name: e.type for e in resolve(doc)} == {"Narendra Tallowmere": "person", "Perttu Kelmscott": "person"}


def test_no_given_name_opens_an_acronym_or_a_partnership() -> None:
    doc = make(
        "a1",
        ["The EVA Kelmscott fund grew.", "The EVA Kelmscott fund paid.", "Lawyers of Lewis & Tallowmere came."],
        [(0, "EVA Kelmscott", "ORG"), (1, "EVA Kelmscott", "ORG"), (2, "Lewis & Tallowmere", "ORG")],
    )
    types = {e.name: e.type for e in resolve(doc)}
    assert types == {"EVA Kelmscott": "organization", "Lewis & Tallowmere": "organization"}


def test_short_forms_of_an_organization_join_its_full_name_in_the_article() -> None:
    doc = make(
        "a1",
        [
            "The Reform Party and the Unity Party of Portvale met in New York.",
            "Reform won; the Unity Party lost.",
            "The United States Supreme Court ruled, the Supreme Court said, and the New York Times wrote.",
        ],
        [
            (0, "The Reform Party", "ORG"),
            (0, "the Unity Party of Portvale", "ORG"),
            (0, "New York", "GPE"),
            (1, "Reform", "ORG"),
            (1, "the Unity Party", "ORG"),
            (2, "The United States Supreme Court", "ORG"),
            (2, "the Supreme Court", "ORG"),
            (2, "the New York Times", "ORG"),
        ],
    )
    entities = {e.name: sorted(m.text for m in e.mentions) for e in resolve(doc)}
    assert entities["Reform Party"] == ["Reform", "Reform Party"]
    assert entities["Unity Party of Portvale"] == ["Unity Party", "Unity Party of Portvale"]
    assert entities["United States Supreme Court"] == ["Supreme Court", "United States Supreme Court"]
    assert entities["New York"] == ["New York"]


def test_a_regions_body_and_an_acronyms_outlet_are_other_bodies() -> None:
    doc = make(
        "a1",
        ["The Iowa Democratic Party and the Democratic Party differ.", "NBC News and NBC agree."],
        [
            (0, "The Iowa Democratic Party", "ORG"),
            (0, "the Democratic Party", "ORG"),
            (1, "NBC News", "ORG"),
            (1, "NBC", "ORG"),
        ],
    )
    assert sorted(e.name for e in resolve(doc)) == ["Democratic Party", "Iowa Democratic Party", "NBC", "NBC News"]


def test_a_short_form_stays_apart_in_another_article() -> None:
    a1 = make("a1", ["The Wisconsin Supreme Court ruled."], [(0, "The Wisconsin Supreme Court", "ORG")])
    a2 = make("a2", ["The Supreme Court ruled."], [(0, "The Supreme Court", "ORG")])
    assert sorted(e.name for e in resolve(a1, a2)) == ["Supreme Court", "Wisconsin Supreme Court"]


def test_a_short_form_two_bodies_of_the_article_could_have_stays_apart() -> None:
    from generator.resolve.entities import Span, link_short_forms

    def span(key: str) -> Span:
        return Span("a1", 0, 1, 0, key, "organization", key=key)

    spans = [span("wisconsin supreme court"), span("united states supreme court"), span("supreme court")]
    link_short_forms(spans)
    assert spans[2].key == "supreme court"
    spans = [span("united states supreme court"), span("supreme court")]
    link_short_forms(spans)
    assert spans[1].key == "united states supreme court"


def test_a_multi_word_surname_or_a_shorter_name_joins_the_full_name() -> None:
    doc = make(
        "a1",
        ["Rocky De La Fuente and John Luk Jok spoke.", "De La Fuente left.", "John Luk stayed."],
        [
            (0, "Rocky De La Fuente", "PERSON"),
            (0, "John Luk Jok", "PERSON"),
            (1, "De La Fuente", "PERSON"),
            (2, "John Luk", "PERSON"),
        ],
    )
    entities = {e.name: sorted(m.text for m in e.mentions) for e in resolve(doc)}
    assert entities == {
        "Rocky De La Fuente": ["De La Fuente", "Rocky De La Fuente"],
        "John Luk Jok": ["John Luk", "John Luk Jok"],
    }


def test_a_places_formal_or_administrative_name_meets_its_common_name() -> None:
    a1 = make(
        "a1",
        ["The Islamic Republic of Iran and Westchester County replied."],
        [(0, "The Islamic Republic of Iran", "GPE"), (0, "Westchester County", "GPE")],
    )
    a2 = make(
        "a2",
        ["Iran and Westchester agreed.", "New York State and New York differ."],
        [(0, "Iran", "GPE"), (0, "Westchester", "GPE"), (1, "New York State", "GPE"), (1, "New York", "GPE")],
    )
    entities = {e.name: sorted(m.text for m in e.mentions) for e in resolve(a1, a2)}
    assert entities["Iran"] == ["Iran", "Islamic Republic of Iran"]
    assert entities["Westchester County"] == ["Westchester", "Westchester County"]
    assert entities["New York State"] == ["New York State"] and entities["New York"] == ["New York"]


def test_an_alternate_name_spelled_unlike_the_place_is_not_joined_to_it() -> None:
    doc = make(
        "a1",
        [
            "Pilgrims reached Qom on Monday.",
            "Tools made by Homo sapiens were found.",
            "Later Homo erectus was studied.",
        ],
        [(0, "Qom", "GPE"), (1, "Homo", "ORG"), (2, "Homo", "ORG")],
    )
    assert all(not ({m.text for m in e.mentions} >= {"Qom", "Homo"}) for e in resolve(doc))


def test_a_place_or_an_acronym_is_no_surname_of_a_name_the_tagger_misread() -> None:
    doc = make(
        "a1",
        ["Central Indiana and the U.S.-ASEAN summit.", "Indiana voted.", "ASEAN met.", "ASEAN spoke."],
        [
            (0, "Central Indiana", "PERSON"),
            (0, "U.S.-ASEAN", "PERSON"),
            (1, "Indiana", "GPE"),
            (2, "ASEAN", "ORG"),
            (3, "ASEAN", "ORG"),
        ],
    )
    entities = {e.name: e.type for e in resolve(doc)}
    assert entities["Indiana"] == "place" and entities["ASEAN"] == "organization"


def test_short_forms_the_tagger_missed_are_mentions_of_the_body_they_shorten() -> None:
    doc = make(
        "a1",
        [
            "The Reform Party and the Georgian Bar Association (GBA) met at Harvard University.",
            "Later Reform said the GBA agreed, Harvard students said, and the New York Post agreed.",
            "According to the Post, Reform UK and the Republican senators disagreed.",
        ],
        [
            (0, "The Reform Party", "ORG"),
            (0, "the Georgian Bar Association", "ORG"),
            (0, "Harvard University", "ORG"),
            (1, "the New York Post", "ORG"),
            (2, "Republican", "NORP"),
        ],
    )
    entities = {e.name: sorted(m.text for m in e.mentions) for e in resolve(doc)}
    assert entities["Reform Party"] == ["Reform", "Reform Party"]  # not "Reform UK"
    assert entities["Georgian Bar Association"] == ["GBA", "GBA", "Georgian Bar Association"]
    assert entities["Harvard University"] == ["Harvard", "Harvard University"]
    assert entities["New York Post"] == ["New York Post", "Post"]


def test_a_short_form_read_as_a_place_stays_the_place() -> None:
    doc = make(
        "a1",
        ["She studied at Portvale Reach University.", "She still lives in Portvale Reach."],
        [(0, "Portvale Reach University", "ORG"), (1, "Portvale Reach", "GPE")],
    )
    entities = {e.name: (e.type, sorted(m.text for m in e.mentions)) for e in resolve(doc)}
    assert entities["Portvale Reach"] == ("place", ["Portvale Reach"])
    assert entities["Portvale Reach University"] == ("organization", ["Portvale Reach University"])


def test_a_list_the_tagger_took_for_one_name_is_cut_into_its_items() -> None:
    doc = make(
        "a1",
        [
            "Candidates of the Alliance, Reform, and Natural Law parties spoke.",
            "The Prohibition Party, Reform Party members met in Washington, D.C. with Acme, Inc. staff.",
        ],
        [
            (0, "Alliance, Reform, and Natural Law", "ORG"),
            (1, "The Prohibition Party, Reform Party", "ORG"),
            (1, "Washington, D.C.", "GPE"),
            (1, "Acme, Inc.", "ORG"),
        ],
    )
    entities = {e.name: sorted(m.text for m in e.mentions) for e in resolve(doc)}
    assert entities["Natural Law"] == ["Natural Law"]
    assert entities["Prohibition Party"] == ["Prohibition Party"]
    assert entities["Reform Party"] == ["Reform", "Reform Party"]  # the list's "Reform" is its short form
    assert {n for n in entities if ", " in n} == {"Washington, D.C.", "Acme, Inc"}  # one comma alone stays


def test_a_headline_decides_whom_a_bare_surname_means() -> None:
    from dataclasses import replace

    from generator.resolve.entities import headline_name

    assert headline_name("Jared Padalecki wins award", "Padalecki") == "jared padalecki"
    assert headline_name("US President Trump grants clemency", "Trump") is None  # a title, no first name
    assert headline_name("In Texas Padalecki wins", "Padalecki") is None  # a place
    article, extraction = make(
        "a1",
        [
            "Jens Otto Harry Kestrel was born in Randers.",
            "Otto Kestrel studied there.",
            "His mother was Sherri Kestrel.",
            "Kestrel wrote many books.",
            "Otto wrote one more.",
        ],
        [
            (0, "Jens Otto Harry Kestrel", "PERSON"),
            (1, "Otto Kestrel", "PERSON"),
            (2, "Sherri Kestrel", "PERSON"),
            (3, "Kestrel", "PERSON"),
        ],
    )
    entities = {
        e.name: sorted(m.text for m in e.mentions)
        for e in resolve((replace(article, title="Otto Kestrel dies"), extraction))
    }
    assert entities["Jens Otto Harry Kestrel"] == ["Jens Otto Harry Kestrel", "Kestrel", "Otto Kestrel"]
    assert entities["Sherri Kestrel"] == ["Sherri Kestrel"]
    # a biography's subject the tagger missed in full is not the one relative it did find
    article, extraction = make(
        "a2",
        ["Jared Tristan Kestrel is an actor.", "Kestrel was born to Sherri Kestrel.", "Kestrel won."],
        [(1, "Kestrel", "PERSON"), (1, "Sherri Kestrel", "PERSON"), (2, "Kestrel", "PERSON")],
    )
    entities = {e.name: sorted(m.text for m in e.mentions) for e in resolve((article, extraction))}
    assert entities["Sherri Kestrel"].count("Kestrel") >= 2  # no headline to go by
    titled = replace(article, title="Jared Kestrel")
    entities = {e.name: sorted(m.text for m in e.mentions) for e in resolve((titled, extraction))}
    assert entities["Sherri Kestrel"] == ["Sherri Kestrel"]
    assert set(entities["Kestrel"]) == {"Kestrel"} and len(entities["Kestrel"]) >= 2


def test_a_middle_initial_keeps_two_people_apart() -> None:
    doc = make(
        "a1",
        ["George H. W. Kestrel met George W. Kestrel.", "George W. Kestrel left."],
        [(0, "George H. W. Kestrel", "PERSON"), (0, "George W. Kestrel", "PERSON"), (1, "George W. Kestrel", "PERSON")],
    )
    entities = {e.name: len(e.mentions) for e in resolve(doc)}
    assert entities == {"George H. W. Kestrel": 1, "George W. Kestrel": 2}


def test_weak_or_coded_names_get_no_page() -> None:
    doc = make(
        "a1",
        [
            "Majorly, the COVID-19 outbreak and SARS-CoV-2 worried Edith Marlow.",
            "President Kestrel spoke.",
            "The Blankenship/Mohr ticket won; Red Hat/IBM and AC/DC did not.",
        ],
        [
            (0, "Majorly", "PERSON"),
            (0, "COVID-19", "ORG"),
            (0, "SARS-CoV-2", "ORG"),
            (0, "Edith Marlow", "PERSON"),
            (1, "Kestrel", "PERSON"),
            (2, "Blankenship/Mohr", "ORG"),
            (2, "Red Hat/IBM", "ORG"),
            (2, "AC/DC", "ORG"),
        ],
    )
    names = {e.name for e in resolve(doc)}
    # one word said once with nothing to say it is a name, a code, a pair run into one name
    assert not names & {"Majorly", "COVID-19", "SARS-CoV-2", "Blankenship/Mohr"}
    assert {"Edith Marlow", "Kestrel"} <= names  # a title makes one word a person's name
    assert {"Red Hat", "IBM", "AC/DC"} <= names  # two names split at the slash; one acronym stays whole


def test_what_follows_only_a_persons_name_makes_it_a_person() -> None:
    doc = make(
        "a1",
        ["Viktar Kestrel, who ran for office, was arrested.", "Odile Marrow (born 1960) spoke."],
        [(0, "Viktar Kestrel", "ORG"), (1, "Odile Marrow", "ORG")],
    )
    assert {e.name: e.type for e in resolve(doc)} == {"Viktar Kestrel": "person", "Odile Marrow": "person"}


def test_a_website_is_an_organization() -> None:
    doc = make(
        "a1",
        ["Reports from Portvale.hu and News.portvale.au agreed."],
        [(0, "Portvale.hu", "GPE"), (0, "News.portvale.au", "GPE")],
    )
    assert {e.name: e.type for e in resolve(doc)} == {"Portvale.hu": "organization", "News.portvale.au": "organization"}


def test_a_product_is_no_person_and_takes_no_surnames() -> None:
    doc = make(
        "a1",
        ["Rocky Kestrel Linux is new.", "Rocky Linux will replace it.", "Many people use Linux."],
        [(0, "Rocky Kestrel Linux", "PERSON"), (1, "Rocky Linux", "PERSON"), (2, "Linux", "PERSON")],
    )
    entities = {e.name: (e.type, sorted(m.text for m in e.mentions)) for e in resolve(doc)}
    assert entities["Rocky Linux"][0] == "organization"
    assert "Linux" not in entities["Rocky Linux"][1]
    assert entities["Linux"][0] == "organization"  # software alone, though the tagger says person


def test_a_name_is_cut_at_words_no_name_holds_and_ends_on_a_name_word() -> None:
    doc = make(
        "a1",
        [
            "Kestrel composed Thyrza for the Grand Lodge of the city.",
            "Jules et Jim won, as did the Alliance against Hunger and the Labour party's candidate.",
        ],
        [
            (0, "Kestrel composed Thyrza", "PERSON"),
            (0, "the Grand Lodge of", "ORG"),
            (1, "Jules et Jim", "WORK_OF_ART"),
            (1, "the Alliance against Hunger", "ORG"),
            (1, "the Labour party's", "ORG"),
        ],
    )
    names = {e.name for e in resolve(doc)}
    assert {"Grand Lodge", "Alliance against Hunger", "Labour party"} <= names
    assert not {n for n in names if n.endswith((" of", " composed Thyrza"))}


def test_a_platform_people_post_on_is_an_organization() -> None:
    doc = make(
        "a1",
        [
            "Marlow wrote on Chirper that she won.",
            "The clip went viral on Chirper.",
            "Her video was posted to Chirper.",
            "Critics put pressure on Kestrel.",
            "Kestrel said nothing.",
        ],
        [
            (0, "Marlow", "PERSON"),
            (0, "Chirper", "PERSON"),
            (1, "Chirper", "PERSON"),
            (2, "Chirper", "PERSON"),
            (3, "Kestrel", "PERSON"),
            (4, "Kestrel", "PERSON"),
        ],
    )
    types = {e.name: e.type for e in resolve(doc)}
    assert types["Chirper"] == "organization"
    assert types["Kestrel"] == "person"  # "pressure on" is no publishing


def test_a_place_glued_before_a_persons_name_read_as_a_body_is_split_off() -> None:
    doc = make(
        "a1",
        ["Senator Bernie Kestrel of Vermont won.", "Vermont Bernie Kestrel then spoke."],
        [(0, "Bernie Kestrel", "PERSON"), (0, "Vermont", "GPE"), (1, "Vermont Bernie Kestrel", "ORG")],
    )
    entities = {e.name: (e.type, len(e.mentions)) for e in resolve(doc)}
    assert entities == {"Bernie Kestrel": ("person", 2), "Vermont": ("place", 2)}


def test_a_person_of_a_body_read_as_one_name_is_two_mentions() -> None:
    doc = make(
        "a1",
        ["Guests were Eli Kestrel of Open the Ballots, and Ada Marlow of Lisbon."],
        [(0, "Eli Kestrel of Open the Ballots", "ORG"), (0, "Ada Marlow of Lisbon", "ORG")],
    )
    entities = {e.name: e.type for e in resolve(doc)}
    assert entities == {
        "Eli Kestrel": "person",
        "Open the Ballots": "organization",
        "Ada Marlow": "person",
        "Lisbon": "place",
    }


def test_a_town_and_its_region_read_as_one_place_are_two_places() -> None:
    doc = make(
        "a1",
        [
            "The plane landed at Karipur, Kelvara in the rain.",
            "Kelvara is green.",
            "Lomé, Togo and Washington, D.C. wait.",
        ],
        [
            (0, "Karipur, Kelvara", "GPE"),
            (1, "Kelvara", "GPE"),
            (2, "Lomé, Togo", "GPE"),
            (2, "Washington, D.C.", "GPE"),
        ],
    )
    places = {e.name: len(e.mentions) for e in resolve(doc)}
    assert places == {"Karipur": 1, "Kelvara": 2, "Lomé": 1, "Togo": 1, "Washington, D.C.": 1}


def test_a_places_administrative_name_meets_its_common_name() -> None:
    doc = make(
        "a1",
        [
            "He was born in Qom Province and lived in Portvale County.",
            "Portvale lies to the north.",
            "Qom mourned him; the Republic of Vanuatu sent word.",
        ],
        [
            (0, "Qom Province", "GPE"),
            (0, "Portvale County", "GPE"),
            (2, "Qom", "PERSON"),
            (2, "the Republic of Vanuatu", "GPE"),
        ],
    )
    entities = {e.name: (e.type, sorted(m.text for m in e.mentions)) for e in resolve(doc)}
    assert entities["Qom"] == ("place", ["Qom", "Qom Province"])  # the gazetteer knows Qom
    assert entities["Portvale County"] == ("place", ["Portvale", "Portvale County"])  # the article shortens it
    assert entities["Vanuatu"] == ("place", ["Republic of Vanuatu"])


def test_one_body_qualified_by_one_country_in_two_spellings_is_one_entity() -> None:
    docs = [
        make("a1", ["The US Harbor Board met."], [(0, "The US Harbor Board", "ORG")]),
        make("a2", ["The United States Harbor Board met."], [(0, "The United States Harbor Board", "ORG")]),
        make("a3", ["The Harbor Board met again."], [(0, "The Harbor Board", "ORG")]),
        make("a4", ["The Iowa Harbor Board met too."], [(0, "The Iowa Harbor Board", "ORG")]),
    ]
    entities = {e.name: len(e.mentions) for e in resolve(*docs)}
    assert entities == {"United States Harbor Board": 3, "Iowa Harbor Board": 1}


def test_a_party_merged_with_its_country_qualified_forms_goes_by_its_bare_name() -> None:
    docs = [
        make("a1", ["The US Harbor Party met."], [(0, "The US Harbor Party", "ORG")]),
        make(
            "a2",
            ["The Harbor Party met.", "The Harbor Party won."],
            [(0, "The Harbor Party", "ORG"), (1, "The Harbor Party", "ORG")],
        ),
    ]
    assert [e.name for e in resolve(*docs)] == ["Harbor Party"]


def test_a_time_zone_gets_no_page() -> None:
    doc = make(
        "a1",
        ["The vote closed at 14:00 UTC, or 15:00 Central European Time, in Portvale.", "By 16:00 UTC it was over."],
        [(0, "UTC", "ORG"), (0, "Central European Time", "ORG"), (0, "Portvale", "GPE"), (1, "UTC", "ORG")],
    )
    assert [e.name for e in resolve(doc)] == ["Portvale"]


def test_a_championship_or_a_day_is_an_event() -> None:
    doc = make(
        "a1",
        ["She won the Asian Junior Championships in Portvale on International Women's Day.", "Doris Day sang."],
        [
            (0, "the Asian Junior Championships", "ORG"),
            (0, "Portvale", "GPE"),
            (0, "International Women's Day", "ORG"),
            (1, "Doris Day", "PERSON"),
        ],
    )
    types = {e.name: e.type for e in resolve(doc)}
    assert types["Asian Junior Championships"] == "event"
    assert types["International Women's Day"] == "event"
    assert types["Doris Day"] == "person"


def test_a_title_or_a_body_glued_before_a_persons_name_read_as_a_body_is_cut_off() -> None:
    doc = make(
        "a1",
        ["Presidential Spokesperson Harry Kestrel spoke.", "Harbor Council Edith Marlow agreed."],
        [(0, "Presidential Spokesperson Harry Kestrel", "ORG"), (1, "Harbor Council Edith Marlow", "ORG")],
    )
    entities = {e.name: e.type for e in resolve(doc)}
    assert entities == {"Harry Kestrel": "person", "Harbor Council": "organization", "Edith Marlow": "person"}


def test_a_former_state_is_a_place() -> None:
    doc = make("a1", ["He left the Soviet Union in 1980."], [(0, "the Soviet Union", "ORG")])
    assert {e.name: e.type for e in resolve(doc)} == {"Soviet Union": "place"}


def test_a_religious_title_or_an_occupation_before_a_name_is_not_the_name() -> None:
    doc = make(
        "a1",
        ["Immunologist Kristian Kestrel and Ayatollah Mousa Marrow Zanjani spoke."],
        [(0, "Immunologist Kristian Kestrel", "PERSON"), (0, "Ayatollah Mousa Marrow Zanjani", "PERSON")],
    )
    assert sorted(e.name for e in resolve(doc)) == ["Kristian Kestrel", "Mousa Marrow Zanjani"]


def test_a_name_ending_in_a_word_only_places_end_with_is_a_place() -> None:
    doc = make(
        "a1",
        ["He is buried in Portvale Cemetery near Kestrel Station.", "Darrell Hall and Anita Castle spoke."],
        [
            (0, "Portvale Cemetery", "PERSON"),
            (0, "Kestrel Station", "ORG"),
            (1, "Darrell Hall", "PERSON"),
            (1, "Anita Castle", "PERSON"),
        ],
    )
    types = {e.name: e.type for e in resolve(doc)}
    assert types == {
        "Portvale Cemetery": "place",
        "Kestrel Station": "place",
        "Darrell Hall": "person",  # "Hall" and "Castle" are surnames too
        "Anita Castle": "person",
    }


def test_a_name_whose_next_sentence_opens_with_he_or_she_is_a_persons() -> None:
    doc = make(
        "a1",
        ["Judit Kestrel won the match.", "She had trained for years.", "Portvale Mining won too.", "It paid out."],
        [(0, "Judit Kestrel", "ORG"), (2, "Portvale Mining", "ORG")],
    )
    assert {e.name: e.type for e in resolve(doc)} == {"Judit Kestrel": "person", "Portvale Mining": "organization"}


def test_honours_after_a_name_are_not_the_name() -> None:
    doc = make(
        "a1",
        ["Daniel Kestrel FRS was born in Portvale.", "Kestrel studied medicine."],
        [(0, "Daniel Kestrel FRS", "PERSON"), (0, "Portvale", "GPE"), (1, "Kestrel", "PERSON")],
    )
    entities = {e.name: sorted(m.text for m in e.mentions) for e in resolve(doc)}
    assert entities["Daniel Kestrel"] == ["Daniel Kestrel", "Kestrel"]


def test_a_plural_surname_is_a_family_not_one_of_them() -> None:
    doc = make(
        "a1",
        ["Ashley Kestrel acted.", "The Kestrels were famous.", "Kestrel retired."],
        [(0, "Ashley Kestrel", "PERSON"), (1, "Kestrels", "PERSON"), (2, "Kestrel", "PERSON")],
    )
    entities = {e.name: sorted(m.text for m in e.mentions) for e in resolve(doc)}
    assert entities["Ashley Kestrel"] == ["Ashley Kestrel", "Kestrel"]


def test_a_person_the_tagger_missed_before_an_appositive_or_a_speech_verb() -> None:
    doc = make(
        "a1",
        [
            "Alexis Bloomfeld, the head of the harbor police, said the port was safe.",
            "Edith Marlow said it again.",  # tagged: not added twice
            "Harbor Street, the busiest road, was closed.",  # no given name
            "President Marlow said so.",  # a title
        ],
        [(1, "Edith Marlow", "PERSON")],
    )
    assert sorted((e.name, e.type) for e in resolve(doc)) == [
        ("Alexis Bloomfeld", "person"),
        ("Edith Marlow", "person"),
    ]
