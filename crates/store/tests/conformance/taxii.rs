//! TAXII collections, objects and statuses: collections made once (one
//! inbox per participant); objects added with their request's status in
//! one transaction, a version already there counted as added; read back
//! exactly as posted; pages that agree with the domain's reference
//! (`ObjectFilter::choose`) over many objects, versions and labels, walked
//! by position; what a reader may not see neither returned nor chosen as
//! a version; deletions; statuses forgotten; the JSON sealed at rest.

use crate::*;
use pocdir_domain::communication::tlp::TlpLabel;
use pocdir_domain::taxii::collection::{Collection, CollectionKind};
use pocdir_domain::taxii::filter::{parse_filter, Endpoint, ObjectFilter, VersionMeta};
use pocdir_store::{
    NewCollection, NewObjects, NewTaxiiObject, ObjectQuery, StatusDetail, StoredObject,
};

conformance!(
    cases: [
        collections_are_made_once_and_read_back,
        objects_are_added_with_their_status_and_read_back_exactly,
        pages_agree_with_the_reference_for_every_filter,
        what_a_reader_may_not_see_is_neither_returned_nor_chosen,
        a_deletion_removes_the_chosen_versions_with_its_entry,
    ],
    raw: [objects_are_sealed_at_rest],
);

const SHARED: &str = "5a3a1d6c-0000-4000-8000-000000000001";

async fn shared(store: &Arc<dyn Store>) {
    seed_two(store).await;
    store
        .create_taxii_collection(
            NewCollection {
                id: SHARED.into(),
                title: "Shared".into(),
                description: "Every participating State's technical PoCs".into(),
                rules: Collection {
                    kind: CollectionKind::Shared,
                    default_label: TlpLabel::Green,
                },
                created_at: t(0),
            },
            draft("taxii.collection.create"),
        )
        .await
        .unwrap();
}

fn object(id: &str, version: Option<i64>, label: TlpLabel, marker: &str) -> NewTaxiiObject {
    let modified = version
        .map(|v| format!(r#","modified":"{}""#, stamp(v)))
        .unwrap_or_default();
    NewTaxiiObject {
        object_id: id.into(),
        kind: id.split("--").next().unwrap().into(),
        spec_version: "2.1".into(),
        version: version.map(t),
        label,
        // Spacing and order as a client might send them: kept exactly.
        json: format!(r#"{{"type": "indicator", "id":"{id}"{modified}, "name":"{marker}"}}"#),
    }
}

fn stamp(secs: i64) -> String {
    pocdir_domain::taxii::filter::format_timestamp(t(secs))
}

fn add(objects: Vec<NewTaxiiObject>, status: &str, at: i64) -> NewObjects {
    NewObjects {
        status_id: status.into(),
        collection_id: SHARED.into(),
        writer: None,
        at: t(at),
        objects,
        failures: vec![StatusDetail {
            id: "indicator--bad".into(),
            version: None,
            message: Some("stix-error-id".into()),
        }],
        log: vec![draft("taxii.add")],
    }
}

fn query(filter: ObjectFilter, labels: &[TlpLabel]) -> ObjectQuery {
    ObjectQuery {
        filter,
        object_id: None,
        after: None,
        labels: labels.to_vec(),
    }
}

fn filter(raw: &[(&str, &str)]) -> ObjectFilter {
    let pairs: Vec<(String, String)> = raw
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    parse_filter(&pairs, Endpoint::Objects).unwrap()
}

/// Every page of a query, walked by position.
async fn walk(store: &Arc<dyn Store>, mut q: ObjectQuery) -> Vec<StoredObject> {
    let mut all = Vec::new();
    loop {
        let mut page = store.taxii_objects(SHARED, &q).await.unwrap();
        let more = page.len() > q.filter.limit as usize;
        page.truncate(q.filter.limit as usize);
        q.after = page.last().map(|o| o.seq);
        all.extend(page);
        if !more {
            return all;
        }
    }
}

async fn collections_are_made_once_and_read_back(store: Arc<dyn Store>) {
    shared(&store).await;
    let make = |id: &str, kind: CollectionKind| NewCollection {
        id: id.into(),
        title: format!("Collection {id}"),
        description: String::new(),
        rules: Collection {
            kind,
            default_label: TlpLabel::Amber,
        },
        created_at: t(1),
    };
    let fra = make(
        "inbox-fra",
        CollectionKind::Inbox {
            state: "FRA".into(),
        },
    );
    store
        .create_taxii_collection(fra.clone(), draft("taxii.collection.create"))
        .await
        .unwrap();
    let group = make(
        "group",
        CollectionKind::Group {
            readers: vec!["FRA".into(), "PAK".into()],
            writers: vec!["FRA".into()],
        },
    );
    store
        .create_taxii_collection(group.clone(), draft("taxii.collection.create"))
        .await
        .unwrap();
    // One inbox per participant; a participant the directory knows.
    assert!(matches!(
        store
            .create_taxii_collection(
                make(
                    "inbox-fra-2",
                    CollectionKind::Inbox {
                        state: "FRA".into()
                    }
                ),
                draft("taxii.collection.create")
            )
            .await,
        Err(StoreError::Duplicate(_))
    ));
    assert!(matches!(
        store
            .create_taxii_collection(
                make(
                    "inbox-zzz",
                    CollectionKind::Inbox {
                        state: "ZZZ".into()
                    }
                ),
                draft("taxii.collection.create")
            )
            .await,
        Err(StoreError::NotFound)
    ));
    let all = store.taxii_collections().await.unwrap();
    assert_eq!(all.len(), 3);
    let back = store.taxii_collection("group").await.unwrap().unwrap();
    assert_eq!(back.rules, group.rules);
    assert_eq!(
        store
            .taxii_collection("inbox-fra")
            .await
            .unwrap()
            .unwrap()
            .rules,
        fra.rules
    );
    assert!(store.taxii_collection("nope").await.unwrap().is_none());
}

async fn objects_are_added_with_their_status_and_read_back_exactly(store: Arc<dyn Store>) {
    shared(&store).await;
    let log_before = whole_log(&store).await.len();
    let a = object("indicator--a", Some(10), TlpLabel::Green, "first");
    let status = store
        .add_taxii_objects(add(
            vec![
                a.clone(),
                object("indicator--b", None, TlpLabel::Amber, "no version"),
            ],
            "status-1",
            100,
        ))
        .await
        .unwrap();
    assert_eq!(status.successes.len(), 2);
    assert_eq!(
        status.successes[0].version.as_deref(),
        Some(stamp(10).as_str())
    );
    // Without a version of its own, its version is when it was added.
    assert_eq!(
        status.successes[1].version.as_deref(),
        Some(stamp(100).as_str())
    );
    assert_eq!(status.failures.len(), 1);
    assert_eq!(whole_log(&store).await.len(), log_before + 1);
    assert_eq!(
        store.taxii_status("status-1").await.unwrap().unwrap(),
        status
    );

    // The same version again counts as added and changes nothing.
    let again = store
        .add_taxii_objects(add(vec![a.clone()], "status-2", 200))
        .await
        .unwrap();
    assert_eq!(again.successes.len(), 1);
    let page = store
        .taxii_objects(SHARED, &query(filter(&[]), &TlpLabel::ALL))
        .await
        .unwrap();
    assert_eq!(page.len(), 2);
    assert_eq!(page[0].json, a.json);
    assert_eq!(page[0].added, t(100));
    assert_eq!(page[0].label, TlpLabel::Green);

    // A collection the store does not know: nothing written.
    let mut unknown = add(
        vec![object("indicator--c", Some(1), TlpLabel::Clear, "x")],
        "status-3",
        300,
    );
    unknown.collection_id = "nope".into();
    assert!(store.add_taxii_objects(unknown).await.is_err());
    assert!(store.taxii_status("status-3").await.unwrap().is_none());
    assert_eq!(whole_log(&store).await.len(), log_before + 2);

    // Statuses are forgotten once old.
    assert_eq!(store.purge_taxii_statuses(t(150)).await.unwrap(), 1);
    assert!(store.taxii_status("status-1").await.unwrap().is_none());
    assert!(store.taxii_status("status-2").await.unwrap().is_some());
}

/// A small deterministic generator: the same objects on both backends.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

async fn pages_agree_with_the_reference_for_every_filter(store: Arc<dyn Store>) {
    shared(&store).await;
    let mut rng = Lcg(7);
    let labels = [
        TlpLabel::Clear,
        TlpLabel::Green,
        TlpLabel::Amber,
        TlpLabel::Red,
    ];
    let mut metas: Vec<(VersionMeta, TlpLabel)> = Vec::new();
    // 60 objects of two types, 1 to 4 versions each, added in 12 requests.
    for request in 0..12i64 {
        let mut objects = Vec::new();
        for k in 0..5i64 {
            let n = request * 5 + k;
            let kind = if n % 3 == 0 { "malware" } else { "indicator" };
            let id = format!("{kind}--{n:04}");
            for v in 0..=rng.next(4) {
                let version = 1_000 + i64::try_from(v).unwrap() * 10 + n;
                let label = labels[rng.next(4) as usize];
                let mut o = object(&id, Some(version), label, &format!("{id}@{v}"));
                o.kind = kind.into();
                objects.push(o);
                metas.push((
                    VersionMeta {
                        id: id.clone(),
                        kind: kind.into(),
                        spec_version: "2.1".into(),
                        version: t(version),
                        added: t(10_000 + request),
                    },
                    label,
                ));
            }
        }
        store
            .add_taxii_objects(add(objects, &format!("s{request}"), 10_000 + request))
            .await
            .unwrap();
    }
    let cases: Vec<Vec<(&str, &str)>> = vec![
        vec![],
        vec![("limit", "7")],
        vec![("match[version]", "all"), ("limit", "5")],
        vec![("match[version]", "first")],
        vec![("match[version]", "first,last"), ("limit", "3")],
        vec![("match[type]", "malware"), ("match[version]", "all")],
        vec![("match[id]", "indicator--0001,malware--0003,indicator--0007")],
        vec![
            ("added_after", "2030-06-01T14:46:45Z"),
            ("match[version]", "all"),
        ],
        vec![("match[version]", "2030-06-01T12:16:51Z")],
        vec![("match[spec_version]", "2.0")],
    ];
    for sight in [
        vec![
            TlpLabel::Clear,
            TlpLabel::Green,
            TlpLabel::Amber,
            TlpLabel::AmberStrict,
        ],
        vec![TlpLabel::Clear],
    ] {
        for case in &cases {
            let f = filter(case);
            let got: Vec<(String, i64)> = walk(&store, query(f.clone(), &sight))
                .await
                .into_iter()
                .map(|o| (o.object_id, o.version.unix_timestamp()))
                .collect();
            // The reference: per object, the versions the reader may see,
            // chosen by the domain; in the order they were added.
            let mut want: Vec<(time::OffsetDateTime, String, i64)> = Vec::new();
            let mut ids: Vec<&String> = metas.iter().map(|(m, _)| &m.id).collect();
            ids.dedup();
            for id in ids {
                let visible: Vec<VersionMeta> = metas
                    .iter()
                    .filter(|(m, l)| &m.id == id && sight.contains(l))
                    .map(|(m, _)| m.clone())
                    .collect();
                for v in f.choose(&visible) {
                    want.push((v.added, v.id.clone(), v.version.unix_timestamp()));
                }
            }
            want.sort();
            let mut got_sorted = got.clone();
            got_sorted.sort();
            let mut want_ids: Vec<(String, i64)> =
                want.into_iter().map(|(_, i, v)| (i, v)).collect();
            want_ids.sort();
            assert_eq!(got_sorted, want_ids, "{case:?} seeing {sight:?}");
            if case.is_empty() {
                assert!(!got.is_empty(), "nothing found seeing {sight:?}");
            }
        }
    }
}

async fn what_a_reader_may_not_see_is_neither_returned_nor_chosen(store: Arc<dyn Store>) {
    shared(&store).await;
    store
        .add_taxii_objects(add(
            vec![
                object("indicator--x", Some(10), TlpLabel::Green, "green-v1"),
                object("indicator--x", Some(20), TlpLabel::Red, "red-v2"),
                object("indicator--y", Some(10), TlpLabel::Red, "red-only"),
            ],
            "s",
            100,
        ))
        .await
        .unwrap();
    let seeing = [
        TlpLabel::Clear,
        TlpLabel::Green,
        TlpLabel::Amber,
        TlpLabel::AmberStrict,
    ];
    for versions in ["last", "first", "all"] {
        let got = walk(
            &store,
            query(filter(&[("match[version]", versions)]), &seeing),
        )
        .await;
        assert_eq!(got.len(), 1, "{versions}");
        assert!(got[0].json.contains("green-v1"));
    }
    // One object's versions: the same.
    let mut q = query(filter(&[("match[version]", "all")]), &seeing);
    q.object_id = Some("indicator--y".into());
    assert!(store.taxii_objects(SHARED, &q).await.unwrap().is_empty());
    // Seeing nothing, nothing is even looked at.
    assert!(store
        .taxii_objects(SHARED, &query(filter(&[]), &[]))
        .await
        .unwrap()
        .is_empty());
}

async fn a_deletion_removes_the_chosen_versions_with_its_entry(store: Arc<dyn Store>) {
    shared(&store).await;
    store
        .add_taxii_objects(add(
            vec![
                object("indicator--x", Some(10), TlpLabel::Green, "v1"),
                object("indicator--x", Some(20), TlpLabel::Green, "v2"),
                object("indicator--z", Some(10), TlpLabel::Green, "other"),
            ],
            "s",
            100,
        ))
        .await
        .unwrap();
    let log_before = whole_log(&store).await.len();
    let mut q = query(filter(&[("match[version]", "first")]), &TlpLabel::ALL);
    q.object_id = Some("indicator--x".into());
    assert_eq!(
        store
            .delete_taxii_object(SHARED, &q, draft("taxii.delete"))
            .await
            .unwrap(),
        1
    );
    assert_eq!(whole_log(&store).await.len(), log_before + 1);
    let left = walk(
        &store,
        query(filter(&[("match[version]", "all")]), &TlpLabel::ALL),
    )
    .await;
    let names: Vec<bool> = ["v1", "v2", "other"]
        .iter()
        .map(|m| left.iter().any(|o| o.json.contains(m)))
        .collect();
    assert_eq!(names, [false, true, true]);
    // Nothing chosen: nothing deleted, nothing logged.
    q.object_id = Some("indicator--none".into());
    assert_eq!(
        store
            .delete_taxii_object(SHARED, &q, draft("taxii.delete"))
            .await
            .unwrap(),
        0
    );
    assert_eq!(whole_log(&store).await.len(), log_before + 1);
}

async fn objects_are_sealed_at_rest(store: Arc<dyn Store>, raw: Raw) {
    shared(&store).await;
    store
        .add_taxii_objects(add(
            vec![object(
                "indicator--s",
                Some(10),
                TlpLabel::Amber,
                "secret-indicator-name",
            )],
            "s",
            100,
        ))
        .await
        .unwrap();
    let values = raw.texts("SELECT json FROM taxii_objects").await.join("\n");
    assert!(values.starts_with("seal1."), "{values}");
    assert!(!values.contains("secret-indicator-name"));
}
