"""Claim extraction on local-news phrasings: datelines, vehicles, animals, history, updates."""

from __future__ import annotations

from typing import Any

from claim_counts import counts


def _counts(nlp: Any, text: str) -> tuple[float, float]:
    return counts(nlp, text, with_times=True)


def test_claims_local_dateline_subject_is_not_a_victim(nlp: Any) -> None:
    text = (
        "DALSTON, Iowa — A 40-year-old woman died and three men were hurt after a silo collapsed."
    )
    assert _counts(nlp, text) == (1, 3)


def test_claims_local_drivers_of_both_cars_are_two(nlp: Any) -> None:
    text = (
        "Two cars collided on Fenn Road on Monday. The drivers of both cars were taken to "
        "hospital, and a passenger was unhurt, police said."
    )
    assert _counts(nlp, text) == (0, 2)


def test_claims_local_left_a_teenager_dead(nlp: Any) -> None:
    text = "A stabbing in Orland on Friday left a 16-year-old dead and two other boys hurt."
    assert _counts(nlp, text) == (1, 2)


def test_claims_local_others_beside_a_breakdown_are_not_added(nlp: Any) -> None:
    text = (
        "Six people were hurt when a van hit a bus shelter in Tarrow on Friday. Four were "
        "taken to hospital, and two others were treated at the scene."
    )
    assert _counts(nlp, text) == (0, 6)


def test_claims_local_treated_for_shock_is_not_an_injury(nlp: Any) -> None:
    text = (
        "A cyclist was killed by a lorry in Pellham on Monday. "
        "The lorry driver was treated for shock."
    )
    assert _counts(nlp, text) == (1, 0)


def test_claims_local_last_year_toll_is_history(nlp: Any) -> None:
    text = (
        "Four people were injured when a coach overturned on the M6 on Sunday. "
        "Last year two people died in a crash on the same stretch."
    )
    assert _counts(nlp, text) == (0, 4)


def test_claims_local_trial_report_keeps_the_old_toll(nlp: Any) -> None:
    text = (
        "A man accused of causing a crash that killed three people and injured two others "
        "last June went on trial Tuesday in Marlow."
    )
    assert _counts(nlp, text) == (3, 2)


def test_claims_local_last_week_is_not_history(nlp: Any) -> None:
    text = "A woman who was hit by a car last week has died from her injuries, police said."
    assert _counts(nlp, text) == (1, 0)


def test_claims_local_animals_are_no_toll(nlp: Any) -> None:
    text = (
        "Firefighters rescued two residents from a house fire in Arden. "
        "Three cats died in the fire."
    )
    assert _counts(nlp, text)[0] == 0


def test_claims_local_second_victim_inside_a_risen_toll(nlp: Any) -> None:
    text = (
        "The death toll from Monday's ferry fire has risen to five after a second crew "
        "member died in hospital."
    )
    assert _counts(nlp, text)[0] == 5


def test_claims_local_fighting_for_life_is_injured(nlp: Any) -> None:
    text = "A farmer has died and a second man is fighting for life after a tractor overturned."
    assert _counts(nlp, text) == (1, 1)


def test_claims_local_age_after_a_name_at_sentence_end(nlp: Any) -> None:
    text = "Police have identified the man killed in the crash as Peter Hollis, 58."
    assert _counts(nlp, text) == (1, 0)


def test_claims_local_victims_named_in_apposition(nlp: Any) -> None:
    text = "The victims, a teacher and her husband, were found dead in the house."
    assert _counts(nlp, text) == (2, 0)


def test_claims_local_second_man_shot_is_injured(nlp: Any) -> None:
    text = "A woman was shot and killed outside a bar. A second woman was shot in the arm."
    assert _counts(nlp, text) == (1, 1)


def test_claims_local_elided_passive_after_and(nlp: Any) -> None:
    text = "A Yelm man was killed and his daughter badly hurt when their truck rolled over."
    assert _counts(nlp, text) == (1, 1)


def test_claims_local_attacker_shot_by_police_is_not_a_wounded_victim(nlp: Any) -> None:
    text = (
        "The gunman opened fire in the hall, wounding four people before he was shot "
        "dead by police."
    )
    assert _counts(nlp, text) == (1, 4)


def test_claims_local_including_a_child_is_part_of_the_figure(nlp: Any) -> None:
    text = "Nine people were injured, including a boy who was flown to hospital."
    assert _counts(nlp, text) == (0, 9)


def test_claims_local_could_not_be_revived_is_a_death(nlp: Any) -> None:
    text = "A swimmer was pulled from the river on Monday and could not be revived."
    assert _counts(nlp, text) == (1, 0)


def test_claims_local_in_hospital_is_injured(nlp: Any) -> None:
    text = "A man is in hospital with burns after a barbecue fire in Penrith on Sunday."
    assert _counts(nlp, text) == (0, 1)


def test_claims_local_wounded_beside_shot_are_shot(nlp: Any) -> None:
    text = "Police said one woman was shot in the leg and another was grazed by a bullet."
    assert _counts(nlp, text) == (0, 2)


def test_claims_local_shot_himself_in_the_leg_is_hurt_not_dead(nlp: Any) -> None:
    text = (
        "A 15-year-old boy accidentally shot himself in the leg at a home in Varrow on "
        "Sunday. He was taken to hospital in stable condition, police said."
    )
    assert _counts(nlp, text) == (0, 1)


def test_claims_local_shooting_herself_is_the_one_already_counted(nlp: Any) -> None:
    # the one who shot herself is the subject of the clause (through "and", "after",
    # "who"), never one more victim beside her
    text = (
        "A 9-year-old girl was hurt in Varrow after accidentally shooting herself in the hand. "
        "Police said the girl found a pistol in a drawer and accidentally shot herself."
    )
    assert _counts(nlp, text) == (0, 1)


def test_claims_local_dying_after_shooting_himself_is_one_death(nlp: Any) -> None:
    text = "A Varrow man died on Sunday after accidentally shooting himself in the leg."
    assert _counts(nlp, text) == (1, 0)


def test_claims_local_death_of_someone_is_a_death(nlp: Any) -> None:
    text = "Deputies in Varrow are investigating the shooting death of a 12-year-old boy."
    assert _counts(nlp, text) == (1, 0)
    text = "Police in Varrow are looking into the deaths of two men found on Sunday."
    assert _counts(nlp, text) == (2, 0)


def test_claims_local_death_without_victims_is_no_toll(nlp: Any) -> None:
    text = "The cause of death of the Varrow man has not been released, police said."
    assert _counts(nlp, text)[0] <= 1
    text = "The death of the Varrow project was announced on Sunday."
    assert _counts(nlp, text) == (0, 0)


def test_claims_local_killing_then_shooting_himself_counts_the_gunman(nlp: Any) -> None:
    text = "A man killed his wife in Varrow on Sunday before shooting himself, police said."
    assert _counts(nlp, text) == (2, 0)


def test_claims_local_day_after_an_abbreviated_month_is_no_toll(nlp: Any) -> None:
    text = "A hunter from Varrow was killed Oct. 14 when his gun went off, deputies said."
    assert _counts(nlp, text) == (1, 0)


def test_claims_local_age_after_a_name_before_its_verb_is_no_toll(nlp: Any) -> None:
    text = (
        "Two men were shot in Varrow on Friday. Carl Webb, 24 was shot in the chest and "
        "Dion Hale, 26 was shot in the leg."
    )
    assert _counts(nlp, text) == (0, 2)


def test_claims_local_fatally_wounded_is_a_death(nlp: Any) -> None:
    text = "A hunter near Cobb Lake was fatally wounded when a rifle went off in his truck."
    assert _counts(nlp, text) == (1, 0)


def test_claims_local_after_being_shot_names_the_clauses_subject(nlp: Any) -> None:
    text = "A 30-year-old man is recovering after being shot in the hand on Verna Street."
    assert _counts(nlp, text) == (0, 1)


def test_claims_local_passed_away_is_a_death(nlp: Any) -> None:
    text = "Ona Briggs was taken to Halden General, where she passed away."
    assert _counts(nlp, text) == (1, 0)


def test_claims_local_others_said_twice_are_the_same_people(nlp: Any) -> None:
    text = (
        "A woman was shot dead at a dance hall in Pell on Saturday, and four others were "
        "hurt. Police said four other people had been shot, too."
    )
    assert _counts(nlp, text) == (1, 4)


def test_claims_local_ages_in_a_list_are_no_toll(nlp: Any) -> None:
    text = "Officers found two men, ages 19 and 44, shot outside a bar on Tern Road."
    assert _counts(nlp, text)[1] <= 2


def test_claims_local_took_herself_to_hospital_is_no_death(nlp: Any) -> None:
    text = (
        "Two women were hurt in the shooting on Dace Avenue. One of them took herself to "
        "Mercy Hospital after being shot in the arm."
    )
    assert _counts(nlp, text)[0] == 0


def test_claims_local_shot_and_one_killed_is_one_death(nlp: Any) -> None:
    text = "Five people were shot and one was killed at the Arlo Street apartments early Sunday."
    assert _counts(nlp, text) == (1, 4)
    assert _counts(nlp, "A man was shot and killed on Pine Ridge Road on Friday.") == (1, 0)


def test_claims_local_victims_listed_in_one_sentence_are_each_counted(nlp: Any) -> None:
    # a graze and a shot are two wounded people, whichever word hurts them
    text = (
        "A 9-year-old boy was grazed on the cheek, and a woman was shot in the arm on Tay Street."
    )
    assert _counts(nlp, text) == (0, 2)
    text = "A man was killed and a woman was shot outside a store on Bell Road."
    assert _counts(nlp, text) == (1, 1)


def test_claims_local_a_list_inside_a_count_adds_nobody(nlp: Any) -> None:
    text = (
        "Gunfire wounded three men on Pine Road: a 40-year-old who was shot in the arm; "
        "a 22-year-old who was shot in the hip; and a 19-year-old who was shot in the foot."
    )
    assert _counts(nlp, text) == (0, 3)


def test_claims_local_a_pronoun_then_a_fresh_noun_is_one_person(nlp: Any) -> None:
    text = (
        "A 24-year-old man who told police he had been wounded by a passing gunman had in "
        "fact shot himself while fleeing a burglary."
    )
    assert _counts(nlp, text) == (0, 1)


def test_claims_local_a_name_and_others_are_one_group(nlp: Any) -> None:
    text = "A man died on Sunday. Police said Ray Dunn and two other people had been shot."
    assert _counts(nlp, text) == (1, 2)


def test_claims_local_shot_at_is_no_wound(nlp: Any) -> None:
    assert _counts(nlp, "Police said three people and a car were shot at on Lyle Road.") == (0, 0)
    assert _counts(nlp, "Two men were shot at a party on Lyle Road.") == (0, 2)


def test_claims_local_left_someone_injured(nlp: Any) -> None:
    text = "A shooting on Vine Road left a 12-year-old girl seriously injured on Friday."
    assert _counts(nlp, text) == (0, 1)
    text = "Troopers are looking into a shooting that left a 13-year-old boy badly injured."
    assert _counts(nlp, text) == (0, 1)


def test_claims_local_recovering_after_a_shooting_and_the_shooting_of(nlp: Any) -> None:
    assert _counts(nlp, "Three men are recovering after a shooting outside a diner in Orne.") == (
        0,
        3,
    )
    text = "Police are investigating the shooting of two people on Moss Street."
    assert _counts(nlp, text) == (0, 2)


def test_claims_local_ages_in_a_list_of_names_are_no_toll(nlp: Any) -> None:
    text = "Ann Powers, 30; Dee Burnett, 21; and Jerry Cole, 31 all died of gunshot wounds."
    assert _counts(nlp, text) == (3, 0)


def test_claims_local_an_attacker_who_took_his_own_life_counts_once(nlp: Any) -> None:
    text = (
        "A man shot his son to death on Monday and then killed himself. He shot his son "
        "twice, killing him, and then shot himself in the head."
    )
    assert _counts(nlp, text) == (2, 0)


def test_claims_local_an_accidental_self_shooting_death_is_one_victim(nlp: Any) -> None:
    text = (
        "A Harlow County teenager has died after he accidentally shot himself. Deputies said "
        "the teenager accidentally shot and killed himself while cleaning a rifle."
    )
    assert _counts(nlp, text)[0] == 1


def test_claims_local_the_active_perfect_has_no_passive_victim(nlp: Any) -> None:
    # "the man had killed ...": the man is the killer, not a victim
    assert _counts(nlp, "Police said the man had killed his wife and her sister.") == (2, 0)
    assert _counts(nlp, "Two people have been shot on Elm Street.") == (0, 2)


def test_claims_local_more_people_are_beside_the_dead(nlp: Any) -> None:
    text = "Two people were killed and five more people shot when a man fired into a crowd."
    assert _counts(nlp, text) == (2, 5)
