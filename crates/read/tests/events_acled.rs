//! ACLED coding of the headline event (the first event with an ACLED coding): the
//! sub-event follows the codebook from casualties, weapons and the sentence's cues,
//! not from the verb alone. Sentences here are not in the dev or hold-out sets.

use dateline_model::Reading;

fn read(lang: &str, text: &str) -> Reading {
    let mut doc = dateline_model::Document::new("d", text.to_string());
    doc.meta.language = Some(lang.to_string());
    dateline_read::read(doc)
}

fn headline(lang: &str, text: &str) -> Option<String> {
    read(lang, text)
        .events
        .iter()
        .find_map(|e| e.acled.as_ref())
        .map(|a| a.sub_event_type.clone())
}

fn assert_headline(lang: &str, text: &str, expected: Option<&str>) {
    let r = read(lang, text);
    let got = r.events.iter().find_map(|e| e.acled.as_ref());
    assert_eq!(
        got.map(|a| a.sub_event_type.as_str()),
        expected,
        "{text}\n{:#?}",
        r.events
            .iter()
            .map(|e| (&e.kind, &e.mode, &e.rule, &e.acled))
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_protest_broken_up_without_harm_is_an_intervention() {
    assert_headline(
        "en",
        "Police fired tear gas to disperse hundreds of students who had gathered outside parliament in Nairobi on Monday.",
        Some("protest_with_intervention"),
    );
    assert_headline(
        "fr",
        "Les gendarmes ont dispersé au gaz lacrymogène des centaines de manifestants réunis devant la préfecture de Dakar mardi.",
        Some("protest_with_intervention"),
    );
}

#[test]
fn protesters_killed_by_the_police_is_excessive_force() {
    assert_headline(
        "en",
        "Soldiers opened fire on demonstrators protesting against fuel prices in Lagos on Tuesday, killing at least three people.",
        Some("excessive_force_against_protesters"),
    );
    assert_headline(
        "fr",
        "La police a tiré sur des manifestants qui protestaient contre le coup d'État à Bamako, tuant deux personnes.",
        Some("excessive_force_against_protesters"),
    );
}

#[test]
fn a_quiet_march_stays_peaceful() {
    assert_headline(
        "en",
        "Thousands of nurses marched through Madrid on Saturday to demand more staff.",
        Some("peaceful_protest"),
    );
}

#[test]
fn riot_police_are_not_a_riot() {
    let r = read(
        "en",
        "Riot police detained 20 supporters of the opposition in Harare on Friday.",
    );
    assert!(
        r.events.iter().all(|e| e.kind != "PROTEST"),
        "{:?}",
        r.events.iter().map(|e| &e.rule).collect::<Vec<_>>()
    );
}

#[test]
fn a_lynching_is_mob_violence() {
    assert_headline(
        "en",
        "An angry mob lynched two men suspected of theft in a market in Kano on Sunday.",
        Some("mob_violence"),
    );
    assert_headline(
        "fr",
        "Des habitants ont lynché un jeune homme accusé de vol dans un quartier de Bangui dimanche.",
        Some("mob_violence"),
    );
}

#[test]
fn fighting_between_armed_groups_is_a_clash_even_when_victims_are_people() {
    assert_headline(
        "en",
        "Rebels and soldiers clashed near Goma on Wednesday, killing 12 people.",
        Some("armed_clash"),
    );
    assert_headline(
        "fr",
        "De violents affrontements ont opposé l'armée malienne à des jihadistes près de Mopti, faisant dix morts.",
        Some("armed_clash"),
    );
}

#[test]
fn gunmen_killing_someone_not_said_to_be_armed_is_an_attack() {
    assert_headline(
        "fr",
        "Des hommes armés ont abattu un commerçant devant sa boutique à Maiduguri, a indiqué la police.",
        Some("attack"),
    );
}

#[test]
fn the_weapon_decides_the_remote_violence_sub_event() {
    assert_headline(
        "en",
        "A suicide bomber killed nine soldiers at a checkpoint near Kabul on Monday, officials said.",
        Some("suicide_bomb"),
    );
    assert_headline(
        "en",
        "Two farmers were killed when a landmine exploded in a field near Kharkiv on Thursday.",
        Some("remote_explosive_landmine_or_ied"),
    );
    assert_headline(
        "en",
        "Militants threw a grenade at a police patrol in Pulwama, wounding four officers.",
        Some("grenade"),
    );
    assert_headline(
        "fr",
        "Un kamikaze a tué six personnes devant une mosquée de Maiduguri vendredi.",
        Some("suicide_bomb"),
    );
}

#[test]
fn stopping_a_weapon_is_disrupted_weapons_use() {
    assert_headline(
        "en",
        "Air defences shot down 14 drones over Kyiv overnight, the military said.",
        Some("disrupted_weapons_use"),
    );
    assert_headline(
        "fr",
        "Des démineurs ont neutralisé une bombe artisanale posée près d'une école de Kidal, a indiqué l'armée.",
        Some("disrupted_weapons_use"),
    );
}

#[test]
fn territory_taken_back_by_the_army_is_regained() {
    assert_headline(
        "en",
        "The army recaptured the town of Bakhmut from rebel fighters on Saturday.",
        Some("government_regains_territory"),
    );
    // The infinitive after "a annoncé" has the army as its actor.
    assert_headline(
        "fr",
        "L'armée nigérienne a affirmé dimanche avoir repris la localité de Makalondi aux jihadistes.",
        Some("government_regains_territory"),
    );
}

#[test]
fn fighting_that_resumes_is_not_a_town_retaken() {
    let r = read("fr", "Les combats ont repris samedi dans la ville de Goma.");
    assert!(
        r.events.iter().all(|e| !e.rule.contains("reprendre")),
        "{:?}",
        r.events.iter().map(|e| &e.rule).collect::<Vec<_>>()
    );
}

#[test]
fn arresting_a_political_figure_is_news_by_itself() {
    assert_headline(
        "en",
        "Police arrested the opposition leader at his home in Dhaka on Tuesday.",
        Some("arrests"),
    );
    assert_headline(
        "fr",
        "Le chef de l'opposition a été arrêté jeudi à Lomé par la gendarmerie.",
        Some("arrests"),
    );
}

#[test]
fn a_ceasefire_agreed_or_signed_is_an_agreement() {
    assert_headline(
        "en",
        "The government and the rebels agreed to a ceasefire on Friday.",
        Some("agreement"),
    );
    assert_headline(
        "fr",
        "Le gouvernement et les rebelles ont signé un accord de paix samedi à Addis-Abeba.",
        Some("agreement"),
    );
}

#[test]
fn ordinary_crime_diplomacy_and_a_planned_rally_get_no_coding() {
    assert_eq!(
        headline(
            "en",
            "A court sentenced a former banker to six years in prison for fraud on Monday."
        ),
        None
    );
    assert_eq!(
        headline(
            "en",
            "The foreign ministers of Japan and Korea met in Seoul on Friday."
        ),
        None
    );
    assert_headline(
        "en",
        "Police detained a pickpocket at the train station a day before a planned rally.",
        None,
    );
}
