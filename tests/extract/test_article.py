"""The extractor on sentences of the genre, written for these tests (no corpus text)."""

from __future__ import annotations

import datetime as dt

import pytest

from orgkg.extract.article import extract
from orgkg.extract.explain import explain
from orgkg.model import Article


def run(body: str, *, title: str = "Officials meet", date: str = "2024-03-12"):
    text = f"{title}\n\n{body}"
    return extract(Article(id="t", text=text, title=title, date=dt.date.fromisoformat(date), source="test"))


def names(ex, type_: str) -> set[str]:
    return {e.name for e in ex.entities.values() if e.type == type_}


def facts(ex, kind: str) -> set[tuple]:
    """(subject name, object name or date[, role]) for every fact of a kind."""
    out = set()
    for f in ex.facts:
        if f.kind != kind:
            continue
        subj = ex.entities[f.subject].name
        obj = f.object if kind.endswith("_date") else ex.entities[f.object].name
        out.add((subj, obj, f.role) if kind == "role" else (subj, obj))
    return out


def roles(ex) -> set[tuple[str, str, str]]:
    return facts(ex, "role")


# ----------------------------------------------------------------- posts


def test_post_before_name_without_commas_makes_an_organ_of_the_body():
    ex = run(
        "Chairman of the Board of the Eurasian Economic Commission Bakytzhan Sagintayev took part "
        "in the meeting."
    )
    assert ("Bakytzhan Sagintayev", "Board of the Eurasian Economic Commission", "Chairman") in roles(ex)
    assert ("Board of the Eurasian Economic Commission", "Eurasian Economic Commission") in facts(
        ex, "sub_org"
    )


def test_name_comma_post_comma():
    ex = run(
        "Ivan Petrov, Chairman of the CIS Executive Committee, also addressed the participants of the forum."
    )
    assert ("Ivan Petrov", "CIS Executive Committee", "Chairman") in roles(ex)
    assert ("CIS Executive Committee", "CIS") in facts(ex, "sub_org")


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        # compound titles stay out of the name, and the post before them is still the person's
        ("Minister of Trade of Malaysia Datuk Seri Aziz Rahman attended the forum.", "Aziz Rahman"),
        ("Minister of Trade of Malaysia Dato' Sri Aziz Rahman attended the forum.", "Aziz Rahman"),
        ("Minister of Trade of Malaysia Tan Sri Aziz Rahman attended the forum.", "Aziz Rahman"),
        # the same words are names where they are not part of a title
        ("Minister of Trade of Malaysia Sri Wahyuni Hartono attended the forum.", "Sri Wahyuni Hartono"),
        ("Minister of Trade of Malaysia Tan Boon Keat attended the forum.", "Tan Boon Keat"),
    ],
)
def test_compound_titles_are_not_names_and_their_words_elsewhere_are(sentence: str, person: str) -> None:
    ex = run(sentence)
    assert names(ex, "Person") == {person}
    assert (person, "Malaysia", "Minister of Trade") in roles(ex)


def test_nationality_adjective_gives_the_country():
    ex = run("Russian Deputy Prime Minister Alexei Overchuk attended the meeting.")
    assert ("Alexei Overchuk", "Russia", "Deputy Prime Minister") in roles(ex)
    assert ("meeting", "Russia") in facts(ex, "attended")


def test_country_possessive_and_minister_of_area():
    ex = run("Azerbaijan's Minister of Culture Rauf Aliyev signed the agreement.")
    assert ("Rauf Aliyev", "Azerbaijan", "Minister of Culture") in roles(ex)


def test_former_post_is_not_current_and_gives_no_country_attendance():
    ex = run("Former Foreign Minister of Armenia Ara Kirakosyan attended the forum.")
    role = next(f for f in ex.facts if f.kind == "role")
    assert role.current is False
    assert ("forum", "Armenia") not in facts(ex, "attended")


def test_post_lists_before_a_name_all_belong_to_that_person():
    ex = run(
        "Taking part were the EIC Chairman, Prime Minister of the Republic of Belarus Roman Kovalenko, "
        "Prime Minister of the Republic of Armenia Armen Sarkisyan."
    )
    assert ("Roman Kovalenko", "Belarus", "Prime Minister") in roles(ex)
    assert ("Roman Kovalenko", "EIC", "Chairman") in roles(ex)
    assert ("Armen Sarkisyan", "Armenia", "Prime Minister") in roles(ex)
    # The post said before Sarkisyan's name is not Kovalenko's.
    assert ("Roman Kovalenko", "Armenia", "Prime Minister") not in roles(ex)


def test_plural_post_list_makes_the_countries_attend():
    ex = run(
        "The session of the Council of Heads of Government was held in Minsk. "
        "The Prime Ministers of Armenia, Belarus and Kazakhstan participated via videoconference."
    )
    attended = {c for _, c in facts(ex, "attended")}
    assert {"Armenia", "Belarus", "Kazakhstan"} <= attended


def test_multiword_post_after_acronym():
    ex = run("UNICEF Deputy Executive Director Maria Lopez said the plan was ready.")
    assert ("Maria Lopez", "UNICEF", "Deputy Executive Director") in roles(ex)


# ----------------------------------------------------------------- bodies and acronyms


def test_acronym_in_parentheses_then_bare_is_one_body():
    ex = run(
        "The Organisation for Economic Co-operation and Development (OECD) met. "
        "The OECD said the talks were useful."
    )
    bodies = [e for e in ex.entities.values() if e.type == "Organization"]
    assert len(bodies) == 1
    assert "OECD" in bodies[0].aliases


def test_definite_description_resolves_to_the_body():
    ex = run(
        "The Eurasian Economic Commission held a meeting in Almaty on March 11. "
        "The Commission also hosted the signing ceremony."
    )
    commission = next(e for e in ex.entities.values() if e.name == "Eurasian Economic Commission")
    assert "Commission" in commission.aliases
    assert not any(e.name == "Commission" for e in ex.entities.values())


def test_ministry_of_a_country_is_part_of_it():
    ex = run("The memorandum was signed by the Ministry of Labour and Social Protection of Kazakhstan.")
    assert ("Ministry of Labour and Social Protection of Kazakhstan", "Kazakhstan") in facts(ex, "sub_org")


def test_organ_under_a_post():
    ex = run("The Scientific Council under the Chairman of the EEC Board will meet in May 2024.")
    assert ("Scientific Council", "EEC Board") in facts(ex, "sub_org")


# ----------------------------------------------------------------- events


def test_event_with_ordinal_organizer_place_and_day_range():
    ex = run(
        "The 27th Annual Session of the Interparliamentary Assembly of the CIS was held in Almaty "
        "on March 11-12."
    )
    ev = "27th Annual Session of the Interparliamentary Assembly of the CIS"
    assert ev in names(ex, "Event")
    assert (ev, "2024-03") in facts(ex, "event_date")  # a multi-day event within one month: the month
    assert (ev, "Almaty") in facts(ex, "event_location")
    assert any(o.startswith("Interparliamentary Assembly") for e, o in facts(ex, "organizer") if e == ev)


def test_dateline_gives_the_place_and_not_the_date():
    ex = run(
        "ASTANA, March 12 (Kazinform) – Foreign ministers took part in the expanded meeting of the "
        "Council of Foreign Ministers on March 10.",
        date="2024-03-12",
    )
    (ev,) = names(ex, "Event")
    assert (ev, "2024-03-10") in facts(ex, "event_date")
    assert (ev, "Astana") in facts(ex, "event_location")


def test_relative_weekday_resolves_against_the_article_date():
    # 2024-03-12 is a Tuesday: "on Friday" is 2024-03-08.
    ex = run("The Commission hosted the consultations on Friday in Geneva.", date="2024-03-12")
    (ev,) = names(ex, "Event")
    assert (ev, "2024-03-08") in facts(ex, "event_date")


def test_body_held_event_is_its_organizer():
    ex = run("On February 11, 2024, the Eurasian Peoples' Assembly held an expanded General Council meeting.")
    (ev,) = names(ex, "Event")
    assert (ev, "Eurasian Peoples' Assembly") in facts(ex, "organizer")
    assert (ev, "2024-02-11") in facts(ex, "event_date")


def test_pronoun_in_quote_resolves_to_the_person_last_named():
    ex = run(
        "Minister of Finance of Kenya John Mbadi arrived in Addis Ababa. "
        '"We are ready," he said, addressing the participants of the summit.'
    )
    assert ("summit", "John Mbadi") in facts(ex, "attended")


# ----------------------------------------------------------------- agreements


def test_memorandum_between_parties_with_date_signatories_and_event():
    ex = run(
        "A memorandum of understanding between the African Union Commission and the Arab League was signed "
        "on March 5 during the visit to Cairo. The document was signed by Chairperson of the African Union "
        "Commission Moussa Faki and Secretary General of the Arab League Ahmed Aboul Gheit."
    )
    (ag,) = names(ex, "Agreement")
    assert ag.startswith("memorandum of understanding between")
    assert {p for a, p in facts(ex, "party") if a == ag} == {"African Union Commission", "Arab League"}
    assert {p for a, p in facts(ex, "signatory") if a == ag} == {"Moussa Faki", "Ahmed Aboul Gheit"}
    assert (ag, "2024-03-05") in facts(ex, "agreement_date")
    assert any(a == ag for a, _ in facts(ex, "signed_at"))


def test_subjects_that_sign_are_parties_and_today_is_the_article_date():
    ex = run(
        "ASEAN and the OECD today signed a Memorandum of Understanding (MoU) on trade.", date="2022-02-09"
    )
    (ag,) = names(ex, "Agreement")
    assert {p for _, p in facts(ex, "party")} == {"ASEAN", "OECD"}
    assert (ag, "2022-02-09") in facts(ex, "agreement_date")


def test_on_behalf_of_gives_the_party_and_each_clause_its_signer():
    ex = run(
        "On behalf of the Asian Development Bank the MoU was signed by its Director General Kenji Sato, "
        "while Finance Secretary Ravi Perera signed it on behalf of the Government of Sri Lanka."
    )
    assert {p for _, p in facts(ex, "signatory")} == {"Kenji Sato", "Ravi Perera"}
    assert {"Asian Development Bank", "Government of Sri Lanka"} <= {p for _, p in facts(ex, "party")}


def test_headline_and_body_name_one_agreement():
    ex = run(
        "A memorandum of cooperation with the International Organization for Migration has been signed by "
        "the Ministry of Labour of Kazakhstan.",
        title="Labour Ministry and IOM sign cooperation memo",
    )
    assert len(names(ex, "Agreement")) == 1


# ----------------------------------------------------------------- explain and confidence


def test_every_fact_has_evidence_rule_and_confidence():
    ex = run("Russian Deputy Prime Minister Alexei Overchuk attended the meeting in Minsk on March 3.")
    rows = explain(ex)
    assert rows
    text = f"Officials meet\n\n{ex.article.text.split(chr(10), 2)[2]}"
    for r in rows:
        assert 0 < r.confidence <= 1 and r.rule
        assert text[r.start : r.end] == r.sentence
    assert len(explain(ex, min_confidence=0.99)) < len(rows)


@pytest.mark.parametrize(
    "body",
    [
        "The 2025 Strategy sets out 40 priorities.",
        "A joint Earth Remote Sensing system will be built.",
        "Positioning a Green Economy for the Post-COVID World was the theme.",
    ],
)
def test_no_people_in_things_named_in_capitals(body):
    assert not names(run(body), "Person")


def test_name_particles_and_parenthesised_acronym_between_signers():
    ex = run(
        "President of the European Commission Ursula von der Leyen attended the summit. "
        "The African Union Commission and the European Investment Bank (EIB) signed a memorandum of "
        "understanding on health financing."
    )
    assert ("Ursula von der Leyen", "European Commission", "President") in roles(ex)
    assert {p for _, p in facts(ex, "party")} == {"African Union Commission", "European Investment Bank"}


def test_a_pair_of_acronyms_is_not_a_body():
    ex = run("The third AU-EU Ministerial Meeting was held in Brussels on 20-21 May 2025.")
    assert "AU-EU" not in names(ex, "Organization")
    (ev,) = names(ex, "Event")
    assert (ev, "Brussels") in facts(ex, "event_location")


def test_attendees_go_to_the_event_named_near_them():
    ex = run(
        "The signing ceremony took place after the 5th meeting of the Supreme Interstate Council "
        "chaired by President of Kazakhstan Kassym Tokayev and President of Kyrgyzstan Sadyr Japarov."
    )
    meeting = next(n for n in names(ex, "Event") if "Supreme Interstate Council" in n)
    assert not meeting.endswith("chaired")
    assert {(meeting, "Kassym Tokayev"), (meeting, "Sadyr Japarov")} <= facts(ex, "attended")


def test_a_meeting_reported_as_under_way_is_dated_by_the_article():
    ex = run(
        "The next meeting of the Council of Foreign Ministers has started in Tashkent.", date="2024-04-07"
    )
    (ev,) = names(ex, "Event")
    assert (ev, "2024-04-07") in facts(ex, "event_date")
    assert (ev, "Tashkent") in facts(ex, "event_location")


def test_guillemet_quotes_and_run_on_wire_style():
    ex = run(
        "NUR-SULTAN. KAZINFORM – «The International Organization for Migration has been a reliable partner "
        "of our Ministry,» Minister of Labour of Kazakhstan Serik Shapkenov said, adding that the sides "
        "signed an action plan on migration with the IOM on Monday."
    )
    assert ("Serik Shapkenov", "Kazakhstan", "Minister of Labour") in roles(ex)
    iom = next(e for e in ex.entities.values() if e.name == "International Organization for Migration")
    assert "IOM" in iom.aliases
    assert "KAZINFORM" not in names(ex, "Organization")


def test_extract_leaves_the_garbage_collector_as_it_found_it(monkeypatch):
    import gc

    import orgkg.extract.article as article_mod

    assert gc.isenabled()
    run("The Council met in Minsk.")
    assert gc.isenabled()
    gc.disable()
    try:
        run("The Council met in Minsk.")
        assert not gc.isenabled()
    finally:
        gc.enable()

    def boom(self):
        assert not gc.isenabled()  # paused while the article is read
        raise RuntimeError("boom")

    monkeypatch.setattr(article_mod.ArticleExtractor, "run", boom)
    with pytest.raises(RuntimeError):
        run("The Council met in Minsk.")
    assert gc.isenabled()


def test_an_organ_named_without_its_body_is_the_organ_the_article_places_in_it():
    """The headline's "Council of Ministers Meeting" is the council of the body named in the
    text; documents adopted at its meeting are the body's, not the organ's."""
    ex = run(
        "The ATU Council of Ministers Meeting, the main event of the year for the Andean Trade Union "
        "(ATU), was held in Lima on 3 May 2024. Three documents were adopted at the meeting. Among "
        "them are the Lima Declaration on Trade and the Convention on Customs Cooperation.",
        title="Results of the Council of Ministers Meeting",
    )
    councils = [e for e in ex.entities.values() if e.type == "Organization" and "Council" in e.name]
    assert len(councils) == 1 and councils[0].is_unit
    assert (councils[0].name, "Andean Trade Union") in facts(ex, "sub_org")
    parties = facts(ex, "party")
    assert ("Lima Declaration on Trade", "Andean Trade Union") in parties
    assert not {p for p in parties if "Council" in p[1]}


def test_an_ordinal_event_is_a_new_one_and_a_signing_place_beats_the_dateline():
    """ "the first session of the task force" is not the meeting told of before; the meeting
    where a memorandum was signed took place where and when it was signed, not in the city of
    the news agency's dateline."""
    ex = run(
        "ALMATY, MAY 5, NEWSWIRE. A memorandum of cooperation between the Andean Trade Union and "
        "Peru was signed on May 2 in Lima. During a meeting held in the Peruvian capital, the "
        "document was signed by Minister of Trade of Peru Juan Quispe. It is planned that the "
        "first session of the task force will be held in June 2024 in Cusco.",
        date="2024-05-05",
    )
    events = {e.name: k for k, e in ex.entities.items() if e.type == "Event"}
    assert set(events) == {"meeting", "first session of the task force"}
    assert facts(ex, "event_location") == {("meeting", "Lima"), ("first session of the task force", "Cusco")}
    assert ("meeting", "2024-05-02") in facts(ex, "event_date")
    assert ("first session of the task force", "2024-06") in facts(ex, "event_date")


@pytest.mark.parametrize("phrase", ["on the occasion of", "on the sidelines of", "on the margins of"])
def test_a_signing_on_the_occasion_of_an_event_was_signed_at_it(phrase: str):
    ex = run(
        f"The Andean Trade Union and Peru signed a Memorandum of Understanding {phrase} the Lima "
        "Investment Forum.",
    )
    assert facts(ex, "signed_at") == {("Memorandum of Understanding", "Lima Investment Forum")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "A government delegation of Peru headed by the Prime Minister Juan Quispe arrived in Lima.",
            ("Juan Quispe", "Peru", "Prime Minister"),
        ),
        (
            "The Peruvian delegation led by Minister of Finance Ana Torres attended the forum.",
            ("Ana Torres", "Peru", "Minister of Finance"),
        ),
    ],
)
def test_a_post_leading_a_delegation_is_held_in_its_country(sentence: str, expected: tuple) -> None:
    assert expected in roles(run(sentence))


def test_a_bare_minister_holds_the_post_in_the_story_s_one_ministry_once_its_names_are_merged():
    """ "Minister X" in a story about one ministry, named two ways, is that ministry's minister;
    a prime minister heads a government, not the ministry."""
    ex = run(
        "The Ministry of Labour and Social Protection of Peru signed a memorandum with the "
        "International Labour Organization. The Peruvian Labour Ministry said the document was "
        "signed by Minister Ana Torres. Prime Minister Juan Quispe welcomed it."
    )
    ministry = "Ministry of Labour and Social Protection of Peru"
    assert ("Ana Torres", ministry, "Minister") in roles(ex)
    assert not {r for r in roles(ex) if r[0] == "Juan Quispe" and r[1] == ministry}


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("first", True),
        ("eighteenth", True),
        ("twenty-first", True),
        ("fortieth", True),
        ("43rd", True),
        ("canteen", False),
        ("meeting", False),
        ("monday", False),
    ],
)
def test_is_ordinal(word: str, expected: bool) -> None:
    from orgkg.extract.mentions import is_ordinal

    assert is_ordinal(word) is expected


def test_the_country_of_an_attendee_s_organ_attends_too():
    ex = run(
        "Participating in the forum were the Prime Minister of Peru Juan Quispe and Premier of the "
        "State Council of the People's Republic of China Li Wei."
    )
    attended = facts(ex, "attended")
    assert ("forum", "Peru") in attended
    assert ("forum", "China") in attended or ("forum", "People's Republic of China") in attended


def test_an_event_an_agreement_is_about_is_not_where_it_was_signed():
    """ "the Memorandum (MoU) of the Annual Conference ..., was signed ... at the Ministry":
    the conference is what the memorandum is for, not where it was signed or who attended it."""
    ex = run(
        "The Memorandum of Understanding (MoU) of the 12th Annual Conference of the Andean Trade "
        "Union, which is due to be held in Peru next year, was signed by Minister of Finance of Peru "
        "Ana Torres at the Ministry of Finance."
    )
    assert facts(ex, "signed_at") == set()
    assert not {f for f in facts(ex, "attended") if f[1] == "Ana Torres"}
    assert ("Memorandum of Understanding", "Ana Torres") in facts(ex, "signatory")
