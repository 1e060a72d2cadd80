#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
use super::*;
use index::{Directory, Prepared};
use pocdir_domain::directory::poc::{PhoneDraft, PocDraft};
use pocdir_store::PocStatus;
use time::macros::datetime;

fn summary(code: &str, en: &str, fr: &str, region: &str, takes_part: bool) -> ParticipantSummary {
    ParticipantSummary {
        code: code.into(),
        names: ParticipantNames {
            en: en.into(),
            fr: fr.into(),
            ..ParticipantNames::default()
        },
        region: region.into(),
        takes_part,
    }
}

fn poc(
    id: i64,
    participant: &str,
    role: &str,
    name: &str,
    langs: &[&str],
    tz: &str,
    hours: &str,
) -> Poc {
    let details = PocDraft {
        role: role.into(),
        name: name.into(),
        title: "Duty officer".into(),
        organisation: format!("{participant} CERT"),
        emails: vec![format!("duty{id}@cert.example.org")],
        phones: vec![PhoneDraft {
            number: "+447700900123".into(),
            phone_use: "24x7".into(),
        }],
        languages: langs.iter().map(|l| l.to_string()).collect(),
        time_zone: tz.into(),
        hours: hours.into(),
        ..PocDraft::default()
    }
    .validate(datetime!(2026-01-01 00:00 UTC))
    .unwrap();
    let at = datetime!(2026-01-01 00:00 UTC);
    Poc {
        id,
        participant: participant.into(),
        role: details.role,
        status: PocStatus::Active,
        version: 2,
        active: Some(serde_json::to_string(&details).unwrap()),
        pending: None,
        pending_action: None,
        confirmed_at: Some(at),
        created_at: at,
        updated_at: at,
    }
}

fn snapshot() -> DirectorySnapshot {
    let participants = vec![
        summary("PAK", "Pakistan", "Pakistan", "Asia", true),
        summary("FRA", "France", "France", "Europe", true),
        summary("JPN", "Japan", "Japon", "Asia", true),
        summary("BRA", "Brazil", "Brésil", "Americas", false),
    ];
    let mut bad = poc(
        9,
        "FRA",
        "technical",
        "Broken",
        &["fr"],
        "Europe/Paris",
        "24/7",
    );
    bad.active = Some("{not json".into());
    let active = vec![
        poc(
            1,
            "PAK",
            "technical",
            "Ayesha Malik",
            &["ur", "en"],
            "Asia/Karachi",
            "24/7",
        ),
        poc(
            2,
            "PAK",
            "diplomatic",
            "Imran Qureshi",
            &["ur", "en"],
            "Asia/Karachi",
            "Mon-Fri 09:00-17:00",
        ),
        poc(
            3,
            "FRA",
            "diplomatic",
            "Claire Dubois",
            &["fr-FR", "en"],
            "Europe/Paris",
            "Mon-Fri 09:00-18:00",
        ),
        poc(
            4,
            "JPN",
            "technical",
            "佐藤 花子 (Sato Hanako)",
            &["ja"],
            "Asia/Tokyo",
            "Mon-Fri 09:00-17:00",
        ),
        poc(
            5,
            "BRA",
            "technical",
            "João Silva",
            &["pt-BR"],
            "America/Sao_Paulo",
            "24/7",
        ),
    ];
    // One unreadable PoC is an error naming it, not a PoC left out.
    let mut with_bad = active.clone();
    with_bad.push(bad);
    let err = DirectorySnapshot::build(participants.clone(), with_bad)
        .err()
        .unwrap();
    assert_eq!((err.poc, err.which), (9, "verified"));
    DirectorySnapshot::build(participants, active).unwrap()
}

fn ids(r: &SearchResults) -> Vec<i64> {
    r.entries.iter().map(|(e, _)| e.id).collect()
}

fn all(_: &ParticipantSummary) -> Sight {
    Sight::People
}

// Wednesday 2026-11-25 10:00 UTC: 15:00 in Karachi, 11:00 in Paris, 19:00 in Tokyo.
const NOW: OffsetDateTime = datetime!(2026-11-25 10:00 UTC);

#[test]
fn sorted_by_state_then_role_then_name() {
    let s = snapshot();
    let r = s.search(&SearchQuery::default(), NOW, &all);
    // Brazil, France, Japan, Pakistan (diplomatic before technical).
    assert_eq!(ids(&r), vec![5, 3, 4, 2, 1]);
    assert_eq!(r.total, 5);
    assert_eq!(s.regions(), vec!["Americas", "Asia", "Europe"]);
}

#[test]
fn ordered_by_a_column_up_or_down_and_then_paged() {
    let s = snapshot();
    let by = |by: SortKey, descending: bool| SearchQuery {
        order: Order { by, descending },
        ..SearchQuery::default()
    };
    let order = |q: SearchQuery| ids(&s.search(&q, NOW, &all));
    assert_eq!(order(by(SortKey::Name, false)), vec![1, 3, 2, 5, 4]);
    assert_eq!(order(by(SortKey::Name, true)), vec![4, 5, 2, 3, 1]);
    assert_eq!(order(by(SortKey::Role, false)), vec![3, 2, 5, 4, 1]);
    // Ties keep the directory's order, also when the column goes down.
    assert_eq!(order(by(SortKey::Participant, true)), vec![2, 1, 4, 3, 5]);
    // At 10:00 UTC on a Wednesday everyone but Tokyo (19:00) is within hours.
    assert_eq!(order(by(SortKey::WithinHours, false)), vec![5, 3, 2, 1, 4]);
    let paged = SearchQuery {
        page: 2,
        per_page: 2,
        ..by(SortKey::Name, false)
    };
    let r = s.search(&paged, NOW, &all);
    assert_eq!((ids(&r), r.total), (vec![2, 5], 5));
    // Exports follow the same order.
    let exported: Vec<i64> = s
        .matching(&by(SortKey::Name, true), NOW, &all)
        .iter()
        .map(|(e, _)| e.id)
        .collect();
    assert_eq!(exported, vec![4, 5, 2, 3, 1]);
}

#[test]
fn the_order_never_hints_at_names_the_reader_may_not_see() {
    let s = snapshot();
    let no_people_in_asia = |p: &ParticipantSummary| {
        if p.region == "Asia" {
            Sight::WithoutPeople
        } else {
            Sight::People
        }
    };
    // Pakistan's and Japan's PoCs sort as unnamed, in the directory's
    // own order, whatever their names are.
    for by in [SortKey::Name, SortKey::Organisation] {
        let q = SearchQuery {
            order: Order {
                by,
                descending: false,
            },
            ..SearchQuery::default()
        };
        let r = s.search(&q, NOW, &no_people_in_asia);
        assert_eq!(ids(&r)[..3], [4, 2, 1], "{by:?}");
    }
}

#[test]
fn filters_combine() {
    let s = snapshot();
    let q = |f: fn(&mut SearchQuery)| {
        let mut q = SearchQuery::default();
        f(&mut q);
        ids(&s.search(&q, NOW, &all))
    };
    assert_eq!(q(|q| q.region = "Asia".into()), vec![4, 2, 1]);
    assert_eq!(q(|q| q.role = Some(PocRole::Diplomatic)), vec![3, 2]);
    assert_eq!(q(|q| q.language = "fr".into()), vec![3], "fr finds fr-FR");
    assert_eq!(q(|q| q.language = "PT".into()), vec![5]);
    assert_eq!(q(|q| q.time_zone = "Asia/Tokyo".into()), vec![4]);
    assert_eq!(q(|q| q.time_zone = "Asia".into()), vec![4, 2, 1], "an area");
    assert_eq!(q(|q| q.time_zone = "America/".into()), vec![5]);
    assert_eq!(q(|q| q.participant = "pak".into()), vec![2, 1]);
    assert_eq!(q(|q| q.text = "MALIK".into()), vec![1]);
    assert_eq!(q(|q| q.text = "佐藤".into()), vec![4], "any script");
    assert_eq!(
        q(|q| q.text = "japon".into()),
        vec![4],
        "State name in French"
    );
    assert_eq!(q(|q| q.text = "fra".into()), vec![3], "State code");
    assert_eq!(q(|q| q.text = "dubois".into()), vec![3]);
    assert_eq!(q(|q| q.text = "DÜBOIS".into()), vec![3], "accents ignored");
    assert_eq!(
        q(|q| {
            q.region = "Asia".into();
            q.role = Some(PocRole::Technical);
            q.language = "en".into();
        }),
        vec![1]
    );
    assert!(q(|q| q.text = "nobody".into()).is_empty());
}

#[test]
fn folding_ignores_case_accents_and_width() {
    assert_eq!(
        fold("Ministère des Affaires étrangères"),
        "ministere des affaires etrangeres"
    );
    assert_eq!(fold("ＣＥＲＴ－１"), "cert-1");
    assert_eq!(
        fold("Łódź"),
        "łodz",
        "a letter with a stroke is a letter of its own"
    );
    assert_eq!(fold("Владимир Ёлкин"), "владимир елкин");
    assert_eq!(fold("وزارة الخارجية"), "وزارة الخارجية");
}

#[test]
fn who_is_within_hours_now() {
    let s = snapshot();
    let q = SearchQuery {
        within_hours_now: true,
        ..SearchQuery::default()
    };
    // Tokyo is at 19:00: outside its hours; the others are in.
    assert_eq!(ids(&s.search(&q, NOW, &all)), vec![5, 3, 2, 1]);
    // Saturday: only the 24/7 desks.
    let saturday = datetime!(2026-11-28 10:00 UTC);
    assert_eq!(ids(&s.search(&q, saturday, &all)), vec![5, 1]);
    // The flag is reported on every shown entry, filter or not.
    let r = s.search(&SearchQuery::default(), NOW, &all);
    let flags: Vec<bool> = r.entries.iter().map(|(_, a)| *a).collect();
    assert_eq!(flags, vec![true, true, false, true, true]);
}

#[test]
fn visibility_is_the_callers() {
    let s = snapshot();
    let seen = |yes: bool| if yes { Sight::People } else { Sight::Hidden };
    let participating_only = |p: &ParticipantSummary| seen(p.takes_part);
    let r = s.search(&SearchQuery::default(), NOW, &participating_only);
    assert_eq!(ids(&r), vec![3, 4, 2, 1]);
    let own_only = |p: &ParticipantSummary| seen(p.code == "FRA");
    assert_eq!(
        ids(&s.search(&SearchQuery::default(), NOW, &own_only)),
        vec![3]
    );
    let none = |_: &ParticipantSummary| Sight::Hidden;
    assert_eq!(s.search(&SearchQuery::default(), NOW, &none).total, 0);
}

#[test]
fn paging() {
    let s = snapshot();
    let page = |page, per_page| {
        let q = SearchQuery {
            page,
            per_page,
            ..SearchQuery::default()
        };
        s.search(&q, NOW, &all)
    };
    let r = page(2, 2);
    assert_eq!(ids(&r), vec![4, 2]);
    assert_eq!((r.total, r.pages()), (5, 3));
    assert_eq!(ids(&page(3, 2)), vec![1]);
    assert!(page(9, 2).entries.is_empty());
    assert_eq!(page(0, 0).per_page, DEFAULT_PER_PAGE, "0 means the default");
    assert_eq!(page(1, 10_000).per_page, MAX_PER_PAGE);
}

/// The plain reading of the filters, entry by entry, in the
/// directory's order sorted here: the index must give the same pages
/// for every combination.
fn reference(
    s: &DirectorySnapshot,
    q: &SearchQuery,
    sight: &dyn Fn(&ParticipantSummary) -> Sight,
) -> (usize, Vec<i64>) {
    let (total, page) = plain_scan(&s.participants, &s.entries(), q, NOW, sight);
    (total, page.into_iter().map(|(id, _)| id).collect())
}

/// The count and the page (id, within hours) of a plain scan.
fn plain_scan(
    participants: &HashMap<String, ParticipantSummary>,
    entries: &[Arc<DirectoryEntry>],
    q: &SearchQuery,
    now: OffsetDateTime,
    sight: &dyn Fn(&ParticipantSummary) -> Sight,
) -> (usize, Vec<(i64, bool)>) {
    let text = fold(q.text.trim());
    let zone = q.time_zone.as_str();
    let mut matching: Vec<&Arc<DirectoryEntry>> = entries
        .iter()
        .filter(|e| {
            let Some(p) = participants.get(&e.participant) else {
                return false;
            };
            let d = &e.details;
            let n = &p.names;
            let names = [&n.en, &n.fr, &n.es, &n.ru, &n.ar, &n.zh]
                .map(|n| fold(n))
                .join("\n");
            let hay = fold(&format!("{}\n{}\n{}", d.name, d.title, d.organisation));
            let seen = sight(p);
            seen != Sight::Hidden
                && (q.region.is_empty() || p.region == q.region)
                && (q.participant.is_empty() || p.code.eq_ignore_ascii_case(&q.participant))
                && q.role.is_none_or(|r| r == e.role)
                && (q.language.is_empty()
                    || d.languages
                        .iter()
                        .any(|l| primary_subtag(l) == primary_subtag(&q.language)))
                && (zone.is_empty()
                    || d.time_zone == zone
                    || (!zone.contains('/') && d.time_zone.starts_with(&format!("{zone}/")))
                    || (zone.ends_with('/') && d.time_zone.starts_with(zone)))
                && (text.is_empty()
                    || (seen == Sight::People && hay.contains(&text))
                    || names.contains(&text)
                    || p.code.to_lowercase() == text)
                && (!q.within_hours_now || e.within_hours(now))
        })
        .collect();
    let english = |code: &str| {
        participants
            .get(code)
            .map(|p| p.names.en.clone())
            .unwrap_or_default()
    };
    matching.sort_by(|x, y| {
        english(&x.participant)
            .cmp(&english(&y.participant))
            .then_with(|| x.participant.cmp(&y.participant))
            .then_with(|| (x.role as u8).cmp(&(y.role as u8)))
            .then_with(|| x.details.name.cmp(&y.details.name))
            .then_with(|| x.id.cmp(&y.id))
    });
    let per_page = if q.per_page == 0 {
        DEFAULT_PER_PAGE
    } else {
        q.per_page
    };
    let page = matching
        .iter()
        .skip((q.page.max(1) - 1) * per_page)
        .take(per_page)
        .map(|e| (e.id, e.within_hours(now)))
        .collect();
    (matching.len(), page)
}

#[test]
fn a_reader_who_may_not_see_people_never_finds_them_by_name() {
    let s = snapshot();
    let q = |text: &str| SearchQuery {
        text: text.into(),
        ..SearchQuery::default()
    };
    let without_people = |_: &ParticipantSummary| Sight::WithoutPeople;
    // Found by name by someone who may see them…
    assert!(s.search(&q("malik"), NOW, &all).total > 0);
    // …neither matched nor counted for someone who may not.
    let r = s.search(&q("malik"), NOW, &without_people);
    assert_eq!((r.total, r.entries.len()), (0, 0));
    assert!(s.matching(&q("malik"), NOW, &without_people).is_empty());
    // The State itself is found by its name, with all its PoCs.
    let by_state = s.search(&q("pakistan"), NOW, &without_people);
    assert_eq!(by_state.total, s.search(&q("pakistan"), NOW, &all).total);
    assert!(by_state.total > 0);
}

#[test]
fn the_index_agrees_with_a_plain_scan() {
    let s = snapshot();
    let participating = |p: &ParticipantSummary| {
        if p.takes_part {
            Sight::People
        } else {
            Sight::Hidden
        }
    };
    // An auditor's sight: everyone, but people only outside Asia.
    let no_people_in_asia = |p: &ParticipantSummary| {
        if p.region == "Asia" {
            Sight::WithoutPeople
        } else {
            Sight::People
        }
    };
    let mut checked = 0;
    for text in [
        "", "a", "malik", "DUBOIS", "佐藤", "o", "japon", "pak", "officer", "zzz",
    ] {
        for region in ["", "Asia", "Europe"] {
            for role in [None, Some(PocRole::Technical), Some(PocRole::Diplomatic)] {
                for language in ["", "en", "pt", "xx"] {
                    for time_zone in ["", "Asia", "America/Sao_Paulo"] {
                        for within_hours_now in [false, true] {
                            for (page, per_page) in [(1, 0), (1, 1), (2, 1), (2, 2)] {
                                let q = SearchQuery {
                                    text: text.into(),
                                    region: region.into(),
                                    role,
                                    language: language.into(),
                                    time_zone: time_zone.into(),
                                    within_hours_now,
                                    page,
                                    per_page,
                                    ..SearchQuery::default()
                                };
                                for visible in [
                                    &all as &dyn Fn(&ParticipantSummary) -> Sight,
                                    &participating,
                                    &no_people_in_asia,
                                ] {
                                    let r = s.search(&q, NOW, visible);
                                    assert_eq!(
                                        (r.total, ids(&r)),
                                        reference(&s, &q, visible),
                                        "{q:?}"
                                    );
                                    // Unpaged (an export): everything counted.
                                    assert_eq!(s.matching(&q, NOW, visible).len(), r.total);
                                    checked += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 10_000);
}

fn entry_of(poc: &Poc) -> Option<Arc<DirectoryEntry>> {
    if poc.status != PocStatus::Active {
        return None;
    }
    let details = poc.active_details().unwrap().unwrap();
    Some(Arc::new(DirectoryEntry {
        id: poc.id,
        version: poc.version,
        participant: poc.participant.clone(),
        role: poc.role,
        confirmed_at: poc.confirmed_at,
        pending_action: poc.pending_action,
        tz: pocdir_domain::directory::poc::parse_time_zone(&details.time_zone),
        details,
    }))
}

fn live(directory: Directory) -> DirectorySnapshot {
    DirectorySnapshot {
        participants: directory.summaries(),
        directory: Arc::new(RwLock::new(directory)),
    }
}

const WORDS: &[&str] = &[
    "Ayesha",
    "Malik",
    "Dübois",
    "Claire",
    "佐藤",
    "花子",
    "王芳",
    "محمد",
    "العلي",
    "Ёлкин",
    "Владимир",
    "ministry",
    "Łódź",
    "ＡＢ",
    "Sato",
    "o",
];
const TITLES: &[&str] = &["Duty officer", "Head of CERT", "Conseillère", "مسؤول"];
const ORGS: &[&str] = &[
    "Ministry of Foreign Affairs",
    "National CERT",
    "Ministère des Affaires étrangères",
    "国家互联网应急中心",
    "وزارة الخارجية",
];
const ZONES: &[&str] = &[
    "Asia/Karachi",
    "Europe/Paris",
    "Asia/Tokyo",
    "America/Sao_Paulo",
    "Europe/Moscow",
];
const HOURS: &[&str] = &["24/7", "Mon-Fri 09:00-17:00", "Sun-Thu 08:00-16:00"];
const LANGS: &[&[&str]] = &[
    &["en"],
    &["fr-FR", "en"],
    &["ur", "en"],
    &["ja"],
    &["pt-BR"],
    &["ar"],
    &["zh-Hans"],
];
const CODES: &[&str] = &["PAK", "FRA", "JPN", "BRA", "ORG"];
const ENGLISH: &[(&str, &str)] = &[
    ("Pakistan", "Pakistan"),
    ("France", "France"),
    ("Japan", "Japon"),
    ("Brazil", "Brésil"),
    ("Alpha", "Alphà"),
    ("Zeta", "Zêta"),
];
const REGIONS: &[&str] = &["Asia", "Europe", "Americas", ""];
const TEXTS: &[&str] = &[
    "",
    "a",
    "ma",
    "mal",
    "malik",
    "DUBOIS",
    "ü",
    "ministere",
    "佐",
    "花子",
    "العلي",
    "елк",
    "cert\nduty",
    "officer\nministry",
    "pak",
    "fra",
    "japon",
    "o",
    "zz",
    "ａ",
    "lodz",
    "łodz",
    "affaires etr",
    "brésil",
    "alpha",
];

fn pick<'a, T: ?Sized>(list: &[&'a T], i: u8) -> &'a T {
    list[usize::from(i) % list.len()]
}

/// A PoC drawn from the pools; `version` as the store would number it.
fn drawn(id: i64, version: i64, o: [u8; 5]) -> Poc {
    let [a, b, c, d, e] = o;
    let mut p = poc(
        id,
        pick(CODES, b),
        if c % 2 == 0 {
            "technical"
        } else {
            "diplomatic"
        },
        &format!("{} {}", pick(WORDS, c), pick(WORDS, d)),
        LANGS[usize::from(a) % LANGS.len()],
        pick(ZONES, d),
        pick(HOURS, e),
    );
    let mut details: PocDetails = serde_json::from_str(p.active.as_deref().unwrap()).unwrap();
    details.title = pick(TITLES, e).to_string();
    details.organisation = pick(ORGS, a.wrapping_add(e)).to_string();
    p.active = Some(serde_json::to_string(&details).unwrap());
    p.version = version;
    if e % 5 == 0 {
        p.status = PocStatus::Withdrawn;
    }
    p
}

type SightOf = Box<dyn Fn(&ParticipantSummary) -> Sight>;

fn sights() -> Vec<SightOf> {
    vec![
        Box::new(|_| Sight::People),
        Box::new(|p| {
            if p.takes_part {
                Sight::People
            } else {
                Sight::Hidden
            }
        }),
        Box::new(|p| {
            if p.region == "Asia" {
                Sight::WithoutPeople
            } else {
                Sight::People
            }
        }),
        Box::new(|_| Sight::WithoutPeople),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// The model test: participants and PoCs change at random, some
    /// before the index is built, the rest applied to it one by one;
    /// every search then gives what a plain scan of the same data
    /// gives (count, page, order, the within-hours flag), for every
    /// kind of sight.
    #[test]
    fn the_index_agrees_with_a_plain_scan_after_random_changes(
        changes in proptest::collection::vec(proptest::prelude::any::<[u8; 6]>(), 1..60),
        built_after in 0usize..60,
        queries in proptest::collection::vec(proptest::prelude::any::<[u8; 7]>(), 1..12),
    ) {
        let mut participants: HashMap<String, ParticipantSummary> = CODES
            .iter()
            .enumerate()
            .map(|(i, code)| {
                let (en, fr) = ENGLISH[i];
                (code.to_string(), summary(code, en, fr, REGIONS[i % 3], i % 2 == 0))
            })
            .collect();
        let mut pocs: HashMap<i64, Poc> = HashMap::new();
        let mut index: Option<Directory> = None;
        for (n, [kind, a, b, c, d, e]) in changes.iter().copied().enumerate() {
            if n == built_after.min(changes.len()) {
                index = Some(
                    Directory::build(
                        participants.values().cloned().collect(),
                        &pocs.values().cloned().collect::<Vec<_>>(),
                    )
                    .unwrap(),
                );
            }
            if kind % 4 == 3 {
                let code = pick(CODES, a);
                let (en, fr) = ENGLISH[usize::from(b) % ENGLISH.len()];
                let s = summary(code, en, fr, pick(REGIONS, c), d % 2 == 0);
                participants.insert(code.to_string(), s.clone());
                if let Some(index) = index.as_mut() {
                    index.set_participant(s);
                }
            } else {
                let id = i64::from(a % 12) + 1;
                let version = pocs.get(&id).map_or(1, |p| p.version + 1);
                let p = drawn(id, version, [a, b, c, d, e]);
                if let Some(index) = index.as_mut() {
                    index.apply(Prepared::of(&p).unwrap());
                    // A late read of the previous version changes nothing.
                    if let Some(old) = pocs.get(&id) {
                        index.apply(Prepared::of(old).unwrap());
                    }
                }
                pocs.insert(id, p);
            }
        }
        let index = match index {
            Some(index) => index,
            None => Directory::build(
                participants.values().cloned().collect(),
                &pocs.values().cloned().collect::<Vec<_>>(),
            )
            .unwrap(),
        };
        let entries: Vec<Arc<DirectoryEntry>> = pocs.values().filter_map(entry_of).collect();
        let s = live(index);
        proptest::prop_assert_eq!(s.entries().len(), entries.len());
        for [t, r, role, l, z, w, p] in queries {
            let (page, per_page) = [(1, 0), (1, 1), (2, 2), (3, 1)][usize::from(p) % 4];
            let q = SearchQuery {
                text: pick(TEXTS, t).to_string(),
                region: pick(&["", "", "Asia", "Europe"], r).to_string(),
                participant: pick(&["", "", "", "pak", "FRA"], r / 4).to_string(),
                role: [None, Some(PocRole::Technical), Some(PocRole::Diplomatic)]
                    [usize::from(role) % 3],
                language: pick(&["", "en", "fr", "ja", "xx"], l).to_string(),
                time_zone: pick(&["", "Asia", "Europe/Paris", "America/", "Asia/Tokyo"], z)
                    .to_string(),
                within_hours_now: w % 2 == 1,
                page,
                per_page,
                ..SearchQuery::default()
            };
            for sight in sights() {
                let r = s.search(&q, NOW, &sight);
                let got: Vec<(i64, bool)> =
                    r.entries.iter().map(|(e, awake)| (e.id, *awake)).collect();
                let expected = plain_scan(&s.participants, &entries, &q, NOW, &sight);
                proptest::prop_assert_eq!((r.total, got), expected, "{:?}", q);
                proptest::prop_assert_eq!(s.matching(&q, NOW, &sight).len(), r.total);
            }
        }
    }
}

#[test]
fn a_change_moves_one_entry_and_an_older_read_is_ignored() {
    let s = snapshot();
    let mut renamed = poc(
        3,
        "FRA",
        "diplomatic",
        "Zoé Abadie",
        &["fr"],
        "Europe/Paris",
        "24/7",
    );
    renamed.version = 3;
    let q = |text: &str| SearchQuery {
        text: text.into(),
        ..SearchQuery::default()
    };
    {
        let mut d = write(&s.directory);
        d.apply(Prepared::of(&renamed).unwrap());
        // The version before (2) arrives late: ignored.
        d.apply(
            Prepared::of(&poc(
                3,
                "FRA",
                "diplomatic",
                "Claire Dubois",
                &["fr"],
                "Europe/Paris",
                "24/7",
            ))
            .unwrap(),
        );
    }
    assert_eq!(ids(&s.search(&q("abadie"), NOW, &all)), vec![3]);
    assert!(s.search(&q("dubois"), NOW, &all).entries.is_empty());
    // Japan's PoC withdrawn: gone from every filter.
    let mut gone = poc(
        4,
        "JPN",
        "technical",
        "佐藤 花子 (Sato Hanako)",
        &["ja"],
        "Asia/Tokyo",
        "Mon-Fri 09:00-17:00",
    );
    gone.version = 3;
    gone.status = PocStatus::Withdrawn;
    write(&s.directory).apply(Prepared::of(&gone).unwrap());
    assert!(s.search(&q("佐藤"), NOW, &all).entries.is_empty());
    let ja = SearchQuery {
        language: "ja".into(),
        ..SearchQuery::default()
    };
    assert_eq!(s.search(&ja, NOW, &all).total, 0);
    assert_eq!(
        ids(&s.search(&SearchQuery::default(), NOW, &all)),
        vec![5, 3, 2, 1]
    );
}

async fn sqlite_store() -> (tempfile::TempDir, Arc<dyn Store>) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("p.db").display());
    let store = pocdir_store::open(
        &url,
        pocdir_store::Keys::ephemeral(Arc::new(pocdir_domain::entropy::OsEntropy)).unwrap(),
    )
    .await
    .unwrap();
    let clock = pocdir_domain::clock::ManualClock::new(NOW);
    crate::seed_reference(store.as_ref(), &clock).await.unwrap();
    (dir, store)
}

/// Nominates and approves a PoC for France through the store, as the
/// service does; the approved PoC.
async fn approved(store: &dyn Store, name: &str) -> Poc {
    use pocdir_domain::log::entry::LogActor;
    use pocdir_domain::log::events;
    let actor = LogActor {
        account_id: None,
        kind: "console".into(),
        participant: None,
    };
    let p = poc(0, "FRA", "technical", name, &["fr"], "Europe/Paris", "24/7");
    let details = p.active_details().unwrap().unwrap();
    let json = serde_json::to_string(&details).unwrap();
    let log = events::poc_proposed(NOW, actor.clone(), "FRA", &details).unwrap();
    let nominated = store
        .propose_poc("FRA", details.role, &json, None, NOW, log)
        .await
        .unwrap();
    let log = events::poc_decided(
        NOW,
        actor,
        "FRA",
        nominated.id,
        nominated.version,
        true,
        None,
    )
    .unwrap();
    match store
        .decide_poc(nominated.id, nominated.version, true, None, None, NOW, log)
        .await
        .unwrap()
    {
        pocdir_store::ChangeOutcome::Applied(d) => d.poc,
        pocdir_store::ChangeOutcome::Stale(_) => panic!("stale"),
    }
}

#[tokio::test]
async fn a_change_is_seen_by_the_next_search_here_and_after_the_log_elsewhere() {
    let (_dir, store) = sqlite_store().await;
    let here = DirectoryIndex::new(store.clone());
    let elsewhere = DirectoryIndex::new(store.clone());
    let q = SearchQuery {
        text: "lefebvre".into(),
        ..SearchQuery::default()
    };
    for index in [&here, &elsewhere] {
        assert_eq!(
            index.snapshot().await.unwrap().search(&q, NOW, &all).total,
            0
        );
    }
    let from = store.log_size().await.unwrap();
    let poc = approved(store.as_ref(), "Anne Lefebvre").await;
    // This instance applies what the store returned: no read, no wait.
    here.poc_changed(&poc);
    let found = here.snapshot().await.unwrap().search(&q, NOW, &all);
    assert_eq!(ids(&found), vec![poc.id]);
    // Another instance learns from the log: the PoC and France's new status.
    let seen = elsewhere.snapshot().await.unwrap();
    assert_eq!(
        seen.search(&q, NOW, &all).total,
        0,
        "not before the log says so"
    );
    let entries: Vec<LogEntry> = store
        .log_entries(from, store.log_size().await.unwrap())
        .await
        .unwrap()
        .into_iter()
        .map(|stored| stored.entry)
        .collect();
    assert!(entries.iter().any(|e| e.action == "participant.status"));
    elsewhere.follow(&entries).await;
    let seen = elsewhere.snapshot().await.unwrap();
    assert_eq!(ids(&seen.search(&q, NOW, &all)), vec![poc.id]);
    assert!(seen.participants.get("FRA").is_some_and(|p| p.takes_part));
    // A full rebuild finds the same.
    elsewhere.rebuild().await.unwrap();
    let rebuilt = elsewhere.snapshot().await.unwrap();
    assert_eq!(ids(&rebuilt.search(&q, NOW, &all)), vec![poc.id]);
    assert_eq!(elsewhere.len(), here.len());
}

#[tokio::test]
async fn a_search_during_a_rebuild_reads_the_index_as_it_is() {
    let (_dir, store) = sqlite_store().await;
    let index = DirectoryIndex::new(store.clone());
    index.snapshot().await.unwrap();
    let poc = approved(store.as_ref(), "Anne Lefebvre").await;
    index.status().stale = true;
    {
        // Someone else is rebuilding: the index as it is, at once.
        let _other = index.rebuilding.lock().await;
        let during = tokio::time::timeout(std::time::Duration::from_secs(5), index.snapshot())
            .await
            .expect("answered without waiting for the rebuild")
            .unwrap();
        assert_eq!(during.entries().len(), 0);
        // A change applied meanwhile is kept.
        index.poc_changed(&poc);
    }
    // Then the rebuild, by the next search.
    let after = index.snapshot().await.unwrap();
    assert_eq!(
        ids(&after.search(&SearchQuery::default(), NOW, &all)),
        vec![poc.id]
    );
    assert!(after.participants.get("FRA").is_some_and(|p| p.takes_part));
}
