"""PostgreSQL finds dense matches by walking the newest posts rather than through the GIN index
(services._walk_newest): both ways give the same answers, within the reader's groups."""
from __future__ import annotations

import pytest

from .support import found


@pytest.fixture
def threads(ward, make):
    other = make.group("Elsewhere", members=[ward.outsider])
    make.topic(other, ward.outsider, title="Not yours", body="Heparin and warfarin elsewhere.")
    make.topic(ward.group, ward.member, title="Bridging", body="Heparin bridging before warfarin.")
    make.topic(ward.group, ward.member, title="Flush", body="A heparin flush only.")
    make.topic(ward.group, ward.member, title="Levels", body="Warfarin levels were high.")
    make.topic(ward.group, ward.member, title="Cardiology", body="Cardiology review of heparin.")
    return other


@pytest.mark.parametrize("walk_rows", [0, 10**9], ids=["gin", "walk"])
def test_dense_words_are_found_the_same_by_walking_and_by_the_index(ward, login, threads, monkeypatch, walk_rows):
    from forum.search import services

    monkeypatch.setattr(services, "WALK_ROWS", walk_rows)
    member = login(ward.member)
    assert sorted(found(member, "heparin")) == ["Bridging", "Cardiology", "Flush"]
    assert found(member, "heparin warfarin") == ["Bridging"]
    assert sorted(found(member, "heparin -warfarin")) == ["Cardiology", "Flush"]
    assert sorted(found(member, "cardio* heparin")) == ["Cardiology"]
    assert sorted(found(member, f"heparin group:{ward.group.slug}")) == ["Bridging", "Cardiology", "Flush"]
    assert found(member, f"heparin group:{threads.slug}") == []
    assert found(login(ward.outsider), "heparin") == ["Not yours"]


def test_the_walk_is_chosen_for_dense_words_only(app, ward, make, monkeypatch):
    from forum.search import services
    from forum.search.query import parse

    for number in range(4):
        make.topic(ward.group, ward.member, title=f"Round {number}", body="The patient slept.")
    make.topic(ward.group, ward.member, title="Rare", body="The patient had porphyria.")
    monkeypatch.setattr(services, "CANDIDATES", 2)
    monkeypatch.setattr(services, "WALK_ROWS", 4)
    with app.test_request_context():
        newest = 5
        dense, rare = parse("patient"), parse("porphyria")
        for parsed in (dense, rare):
            services.expand_prefixes(parsed)
        assert services._walk_newest(dense, None, newest)  # every post holds it: 2 candidates within 2 posts
        assert not services._walk_newest(rare, None, newest)  # 1 in 5: 2 candidates need 10 posts
        assert not services._walk_newest(parse("zzyzxq"), None, newest)  # in no post at all
