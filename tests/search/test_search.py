"""Full-text search through HTTP: words, word forms, the query language, ranking, pages and scope."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from forum.extensions import db
from forum.posts.models import Post

from .support import found, hits, opening_post, search, snippets, titles


def test_both_words_match_anywhere_in_the_post_and_the_text_is_shown_as_readers_see_it(ward, make, login):
    make.topic(ward.group, ward.member, title="Anticoagulation in CKD",
               body="We started **apixaban** last week.\n\nHis *creatinine* clearance is 28 ml/min.")
    make.topic(ward.group, ward.member, title="Only one of the words", body="Apixaban works well.")
    browser = login(ward.member)

    page = search(browser, "apixaban creatinine")

    assert titles(page) == ["Anticoagulation in CKD"]
    [snippet] = snippets(page)
    assert "<mark>creatinine</mark>" in snippet and "<mark>apixaban</mark>" in snippet
    assert "**" not in snippet and "*creatinine*" not in snippet  # rendered text, not the markdown
    assert "Maria Member" in page and "Pharmacist" in page and "Nephrology" in page
    assert 'value="apixaban creatinine"' in page  # the box keeps the query


def test_english_word_forms_find_each_other(ward, make, login):
    make.topic(ward.group, ward.member, title="After the procedure", body="The patient bleeds from the access site.")
    make.topic(ward.group, ward.member, title="Studies", body="Several studies compared the regimens.")
    browser = login(ward.member)
    assert found(browser, "bleeding") == ["After the procedure"]
    assert found(browser, "study") == ["Studies"]


def test_german_word_forms_diacritics_and_sharp_s_find_each_other(ward, make, login):
    make.topic(ward.group, ward.member, title="Niere", body="Die Nierenfunktionen waren eingeschränkt.")
    make.topic(ward.group, ward.member, title="Konsil bei Dr. Müller", body="Praxis in der Hauptstraße.")
    browser = login(ward.member)
    assert found(browser, "Nierenfunktion") == ["Niere"]
    assert found(browser, "eingeschrankt") == ["Niere"]
    assert found(browser, "Mueller") == ["Konsil bei Dr. Müller"]
    assert found(browser, "MULLER") == ["Konsil bei Dr. Müller"]
    assert found(browser, "hauptstrasse") == ["Konsil bei Dr. Müller"]


def test_hindi_and_mixed_posts_match_by_words(ward, make, login):
    make.topic(ward.group, ward.member, title="किडनी की जाँच",
               body="रोगी को apixaban दिया गया, फिर creatinine देखा।")
    browser = login(ward.member)
    assert found(browser, "किडनी") == ["किडनी की जाँच"]
    assert found(browser, "रोगी apixaban") == ["किडनी की जाँच"]
    assert found(browser, "देखा") == ["किडनी की जाँच"]  # the danda ends the word
    assert found(browser, "रोग") == []  # whole words, not parts of them


def test_a_phrase_needs_its_words_together_and_in_order(ward, make, login):
    make.topic(ward.group, ward.member, title="Together", body="Estimate the creatinine clearance first.")
    make.topic(ward.group, ward.member, title="Apart", body="Clearance of the creatinine was slow.")
    browser = login(ward.member)
    assert found(browser, '"creatinine clearance"') == ["Together"]
    assert sorted(found(browser, "creatinine clearance")) == ["Apart", "Together"]


def test_minus_leaves_out_posts_with_that_word(ward, make, login):
    make.topic(ward.group, ward.member, title="Apixaban alone", body="Apixaban twice daily.")
    make.topic(ward.group, ward.member, title="Switching", body="From warfarin to apixaban.")
    browser = login(ward.member)
    assert found(browser, "apixaban -warfarin") == ["Apixaban alone"]
    assert found(browser, 'apixaban -"to apixaban"') == ["Apixaban alone"]


def test_a_star_finds_words_that_start_with_it(ward, make, login):
    make.topic(ward.group, ward.member, title="Echo", body="Referred to cardiology for a cardiomyopathy work-up.")
    make.topic(ward.group, ward.member, title="Other", body="A cardiac arrest on the ward.")
    browser = login(ward.member)
    assert found(browser, "cardio*") == ["Echo"]
    page = search(browser, "cardio*")
    assert "<mark>cardiology</mark>" in page and "<mark>cardiomyopathy</mark>" in page
    assert found(browser, "kardiologie*") == []


def test_group_filter_keeps_to_that_group(ward, make, login):
    other = make.group("Cardiology", members=[ward.member])
    make.topic(ward.group, ward.member, title="Renal", body="Apixaban in renal failure.")
    make.topic(other, ward.member, title="Cardiac", body="Apixaban after ablation.")
    browser = login(ward.member)
    assert sorted(found(browser, "apixaban")) == ["Cardiac", "Renal"]
    assert found(browser, f"apixaban group:{other.slug}") == ["Cardiac"]
    assert f'href="/search?q=apixaban+group:{other.slug}"' in search(browser, "apixaban").replace("%3A", ":")


def test_author_filter_keeps_to_that_author(ward, make, login):
    colleague = make.user("Carl Colleague")
    make.member(ward.group, colleague)
    make.topic(ward.group, ward.member, title="Mine", body="Heparin bridging.")
    make.topic(ward.group, colleague, title="Theirs", body="Heparin bridging too.")
    browser = login(ward.member)
    assert found(browser, f"heparin @{colleague.username}") == ["Theirs"]
    assert found(browser, "heparin @nobody_here") == []


def test_in_title_keeps_to_topic_titles(ward, make, login):
    make.topic(ward.group, ward.member, title="Heparin dosing", body="Weight based.")
    make.topic(ward.group, ward.member, title="Something else", body="Heparin was given.")
    browser = login(ward.member)
    assert sorted(found(browser, "heparin")) == ["Heparin dosing", "Something else"]
    assert found(browser, "heparin in:title") == ["Heparin dosing"]


def test_before_and_after_keep_to_those_dates(ward, make, login):
    old = make.topic(ward.group, ward.member, title="Old", body="Dialysis timing.")
    make.topic(ward.group, ward.member, title="New", body="Dialysis timing again.")
    opening_post(old).created_at = datetime(2024, 3, 10, 12, tzinfo=timezone.utc)
    db.session.commit()
    browser = login(ward.member)
    assert found(browser, "dialysis before:2025-01-01") == ["Old"]
    assert found(browser, "dialysis after:2025-01-01") == ["New"]
    assert found(browser, "dialysis after:2024-03-09 before:2024-03-11") == ["Old"]
    assert found(browser, "dialysis after:2024-03-10") == ["New"]


def test_a_title_match_ranks_above_a_passing_mention(ward, make, login):
    make.topic(ward.group, ward.member, title="Tranexamic acid in trauma", body="What is your protocol?")
    filler = " ".join(["The handover went well and the ward round was long."] * 8)
    make.topic(ward.group, ward.member, title="Ward round notes",
               body=f"{filler} Someone mentioned tranexamic acid. {filler}")
    browser = login(ward.member)
    assert found(browser, "tranexamic") == ["Tranexamic acid in trauma", "Ward round notes"]


def test_results_are_grouped_by_topic_with_the_number_of_other_matching_posts(ward, make, login):
    topic = make.topic(ward.group, ward.member, title="Hyperkalaemia", body="Potassium 6.8 after spironolactone.")
    make.reply(topic, ward.moderator, "Stop the spironolactone and recheck potassium.")
    make.reply(topic, ward.member, "Potassium is down to 5.1.")
    make.reply(topic, ward.member, "Thanks all.")
    browser = login(ward.member)
    page = search(browser, "potassium")
    assert titles(page) == ["Hyperkalaemia"]
    assert "2 more posts in this topic match" in page


def test_pages_follow_each_other_without_repeats(ward, make, login):
    for number in range(23):
        make.topic(ward.group, ward.member, title=f"Sepsis bundle {number}", body="Lactate and cultures.")
    browser = login(ward.member)
    first = search(browser, "lactate")
    assert len(hits(first)) == 20 and 'rel="next"' in first
    cursor = first.split('rel="next" href="', 1)[1].split('"', 1)[0].split("after=", 1)[1]
    second = search(browser, "lactate", after=cursor.replace("%7E", "~"))
    assert len(hits(second)) == 3 and 'rel="next"' not in second
    assert set(titles(first)) | set(titles(second)) == {f"Sepsis bundle {number}" for number in range(23)}


def test_malformed_queries_get_a_clear_message_and_keep_the_typed_text(ward, make, login):
    make.topic(ward.group, ward.member, title="Anything", body="Apixaban and NEAR and OR.")
    browser = login(ward.member)
    cases = {
        '"creatinine clearance': "quotation mark is not closed",
        "-warfarin": "at least one word",
        "a*": "at least 2 letters",
        "car*dio": "at the end of a word",
        "apixaban before:yesterday": "YYYY-MM-DD",
        "apixaban in:body": "in:title",
        "apixaban -group:x": "cannot be excluded",
        "apixaban after:2025-02-01 before:2025-01-01": "earlier date",
        "x" * 201: "too long",
    }
    for query, message in cases.items():
        response = browser.get("/search", query_string={"q": query})
        page = response.get_data(as_text=True)
        assert response.status_code == 200 and message in page, query
        assert 'role="alert"' in page


def test_engine_syntax_in_the_query_is_just_text(ward, make, login):
    make.topic(ward.group, ward.member, title="Operators", body="Apixaban NEAR the OR and NOT the ward.")
    browser = login(ward.member)
    for query in ("apixaban OR", "NEAR(apixaban ward)", "apixaban ^ward", "{title_tokens}: apixaban",
                  "apixaban:*", "apixaban & !ward", "apixaban | ward <-> x", "'apixaban'", "apixaban) (",
                  "scope_tokens : g1", "apixaban \\ ; DROP TABLE posts"):
        response = browser.get("/search", query_string={"q": query})
        assert response.status_code == 200, query
    assert found(browser, "NEAR ( apixaban ward )") == ["Operators"]
    assert found(browser, "apixaban OR zebra") == []  # OR is a word here, and every word must match


def test_the_snippet_and_title_never_carry_markup_from_the_post(ward, make, login):
    make.topic(ward.group, ward.member, title="<b>Bold</b> heparin <img src=x onerror=alert(1)>",
               body='Heparin <script>alert("x")</script> and <em>raw</em> html, **strong** heparin, '
                    '[link](https://example.org) and &lt;mark&gt;.')
    browser = login(ward.member)
    page = search(browser, "heparin")
    [hit] = hits(page)
    assert "<script" not in hit and "<b>" not in hit and "<img" not in hit and "<em>" not in hit
    assert "<strong>" not in hit and "<a href=\"https://example.org" not in hit
    assert "&lt;b&gt;Bold&lt;/b&gt; <mark>heparin</mark>" in hit
    assert hit.count("<mark>") == hit.count("</mark>") == 3  # the title once, the body twice
    assert "&lt;mark&gt;" in hit and "&lt;script&gt;" in hit  # the post's own text, escaped


def test_the_number_of_queries_does_not_grow_with_the_results(ward, make, login):
    from tests.core.support import count_queries

    authors = [make.user(f"Author {number}") for number in range(6)]
    for author in authors:
        make.member(ward.group, author)
    make.topic(ward.group, authors[0], title="Few", body="Procalcitonin once.")
    for number in range(18):
        topic = make.topic(ward.group, authors[number % 6], title=f"Many {number}", body="Ferritin again.")
        make.reply(topic, authors[(number + 1) % 6], "Ferritin and more ferritin.")
    browser = login(ward.member)
    counts = []
    for query in ("procalcitonin", "ferritin"):
        search(browser, query)
        with count_queries() as statements:
            page = search(browser, query)
        counts.append(len(statements))
    assert len(hits(page)) == 18
    assert counts[0] == counts[1], counts


def test_a_post_that_keeps_returning_to_the_word_ranks_above_a_single_mention(ward, make, login):
    make.topic(ward.group, ward.member, title="Morning notes",
               body="Vancomycin trough first, then vancomycin dose, then vancomycin level again.")
    # The newer one: on equal relevance it would come first.
    make.topic(ward.group, ward.member, title="Night notes", body="Vancomycin was given once. The ward was quiet.")
    browser = login(ward.member)
    assert found(browser, "vancomycin") == ["Morning notes", "Night notes"]
