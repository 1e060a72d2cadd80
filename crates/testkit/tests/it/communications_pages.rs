//! The communications pages through the real server: composing with a
//! file, the inbox, the thread, acknowledging, replying, forwarding,
//! downloads, the secretariat's metadata-only view, and every kind of bad
//! input refused with the right status, a clear message and nothing sent.

use pocdir_domain::account::AccountKind;
use pocdir_store::{InboxFilter, LogFilter, Mailbox};
use pocdir_testkit::{TestAccount, TestServer, WebClient};
use serde_json::{json, Value};

/// The fields of a good communication, `extra` replacing or adding some.
fn fields<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut f: Vec<(&str, &str)> = vec![
        ("kind", "incident_notification"),
        ("urgency", "urgent"),
        ("tlp", "AMBER"),
        ("address", "states"),
        ("states", "PAK"),
        ("roles", "technical"),
        ("subject", "Ransomware at a grid operator"),
        ("started_local", "2026-11-30T06:10"),
        ("started_zone", "Europe/Paris"),
        ("detected_local", "2026-11-30T07:45"),
        ("detected_zone", "Europe/Paris"),
        ("sectors", "energy"),
        ("sectors", "government"),
        ("impact", "Two regional control centres offline."),
        ("requested_action", "Block the indicators attached."),
        ("text", "The operator isolated its network at 08:00."),
        ("text_language", "en"),
    ];
    for (k, v) in extra {
        if *k != "sectors" && *k != "states" && *k != "accounts" {
            f.retain(|(key, _)| key != k);
        }
        f.push((k, v));
    }
    f
}

async fn count_all(server: &TestServer) -> usize {
    server
        .store
        .inbox(&Mailbox::All, &InboxFilter::default(), 1000)
        .await
        .unwrap()
        .len()
}

async fn refusals(server: &TestServer) -> usize {
    server
        .store
        .search_log(&LogFilter::default(), None, 1000)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "communication.refuse")
        .count()
}

/// The id in a `303` to `/communications/{id}?done=…`.
fn sent_id(r: &reqwest::Response) -> i64 {
    assert_eq!(r.status(), 303, "{:?}", r.headers());
    let location = r.headers()["location"].to_str().unwrap().to_string();
    location
        .strip_prefix("/communications/")
        .and_then(|rest| rest.split('?').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("not a communication: {location}"))
}

struct People {
    fra: TestAccount,
    pak: TestAccount,
    pak_diplomatic: TestAccount,
    secretariat: TestAccount,
    deu: TestAccount,
}

/// Makes `code` take part: a PoC entry nominated and verified (one
/// verified PoC is enough).
async fn take_part(server: &TestServer, code: &str) {
    let http = reqwest::Client::new();
    let nominator = server.account(AccountKind::Nominator, Some(code)).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let body = json!({
        "role": "technical",
        "name": format!("Duty officer of {code}"),
        "organisation": "National CERT",
        "emails": [format!("cert@{}.example.org", code.to_ascii_lowercase())],
        "phones": [{"number": "+44 20 7946 0321", "use": "office"}],
        "languages": ["en"],
        "time_zone": "Europe/London",
        "hours": "Mon-Fri 09:00-17:00"
    });
    let created: Value = http
        .post(server.url(&format!("/api/v1/participants/{code}/pocs")))
        .bearer_auth(server.token(&nominator, "write").await)
        .json(&body)
        .send()
        .await
        .unwrap()
        .error_for_status()
        .unwrap()
        .json()
        .await
        .unwrap();
    http.post(server.url(&format!("/api/v1/pocs/{}/decision", created["id"])))
        .bearer_auth(server.token(&secretariat, "write").await)
        .json(&json!({"version": created["version"], "approve": true}))
        .send()
        .await
        .unwrap()
        .error_for_status()
        .unwrap();
}

async fn people(server: &TestServer) -> People {
    take_part(server, "FRA").await;
    take_part(server, "PAK").await;
    People {
        fra: server.account(AccountKind::TechnicalPoc, Some("FRA")).await,
        pak: server.account(AccountKind::TechnicalPoc, Some("PAK")).await,
        pak_diplomatic: server
            .account(AccountKind::DiplomaticPoc, Some("PAK"))
            .await,
        secretariat: server.account(AccountKind::Secretariat, None).await,
        // Germany does not take part in the directory (reference data).
        deu: server.account(AccountKind::TechnicalPoc, Some("DEU")).await,
    }
}

async fn page(web: &WebClient, path: &str) -> String {
    let r = web.get(path).await;
    assert_eq!(r.status(), 200, "{path}");
    r.text().await.unwrap()
}

#[tokio::test]
async fn a_communication_goes_from_compose_to_acknowledged_and_answered() {
    let server = TestServer::start().await;
    let p = people(&server).await;
    let fra = server.signed_in(&p.fra).await;
    let pak = server.signed_in(&p.pak).await;

    // The compose form: every label as TLP 2.0 writes it, with its meaning,
    // and why there is no attribution field.
    let form = page(&fra, "/communications/new").await;
    for label in [
        "TLP:CLEAR",
        "TLP:GREEN",
        "TLP:AMBER",
        "TLP:AMBER+STRICT",
        "TLP:RED",
    ] {
        assert!(form.contains(&format!(">{label}</span>")), "{label}");
    }
    assert!(form.contains("not a tool to determine attribution"));
    assert!(form.contains("enctype=\"multipart/form-data\""));

    let r = fra
        .post_multipart(
            "/communications/new",
            &fields(&[]),
            &[(
                "attachments",
                "indicators.txt",
                b"203.0.113.7\n198.51.100.23\n",
            )],
        )
        .await;
    let id = sent_id(&r);
    assert!(r.headers()["location"]
        .to_str()
        .unwrap()
        .ends_with("done=communication-sent"));
    // Only PAK's technical PoC was addressed.
    assert_eq!(count_all(&server).await, 1);

    // The recipient: the count in the nav and on the home, the line unread.
    let home = page(&pak, "/").await;
    assert!(home.contains("nav-count"), "{home}");
    assert!(home.contains("id=\"home-communications\"><strong>1</strong>"));
    let inbox = page(&pak, "/communications").await;
    assert!(inbox.contains(&format!("id=\"comm-row-{id}\" class=\"unread\"")));
    assert!(inbox.contains("Ransomware at a grid operator"));
    assert!(inbox.contains(">TLP:AMBER</span>"));
    // Filters: nothing RED, one unread.
    let none = page(&pak, "/communications?folder=inbox&tlp=RED").await;
    assert!(none.contains("id=\"comm-none\""));
    let unread = page(&pak, "/communications?folder=inbox&unread=1").await;
    assert!(unread.contains(&format!("comm-row-{id}")));

    // The thread, in Spanish: the label before the information, the
    // structured parts in Spanish, the free text as written, in English.
    let es = server.signed_in(&p.pak).await;
    es.get("/lang/es?next=/").await;
    let thread = page(&es, &format!("/communications/{id}")).await;
    // Opened: the nav counts nothing unread any more.
    assert!(!thread.contains("nav-count"));
    let label_at = thread.find(">TLP:AMBER</span>").unwrap();
    let subject_at = thread.find("Ransomware at a grid operator").unwrap();
    assert!(label_at < subject_at);
    assert!(thread.contains(&format!("id=\"comm-{id}-amber\"")));
    assert!(thread.contains("Notificación de un incidente de TIC"));
    assert!(thread.contains("Energía"), "sectors in Spanish");
    assert!(thread.contains("lang=\"en\" dir=\"auto\""));
    assert!(thread.contains("The operator isolated its network at 08:00."));
    assert!(thread.contains("2026-11-30 06:10 (Europe/Paris)"));

    // The file, as a download of the type its content was checked to be.
    let att = thread
        .split("/attachments/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string();
    let r = pak
        .get(&format!("/communications/{id}/attachments/{att}"))
        .await;
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment; filename=\"indicators.txt\""));
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    assert_eq!(r.text().await.unwrap(), "203.0.113.7\n198.51.100.23\n");

    // Acknowledge once; twice is a 409 that says so.
    let r = pak
        .post_form(&format!("/communications/{id}/acknowledge"), &[])
        .await;
    assert_eq!(r.status(), 303);
    let r = pak
        .post_form(&format!("/communications/{id}/acknowledge"), &[])
        .await;
    assert_eq!(r.status(), 409);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("You have already acknowledged this communication."));

    // The reply form is filled from the message; the reply joins the thread.
    let reply = page(&pak, &format!("/communications/{id}/reply")).await;
    assert!(reply.contains("value=\"Re: Ransomware at a grid operator\""));
    let r = pak
        .post_multipart(
            &format!("/communications/{id}/reply"),
            &fields(&[
                ("kind", "response"),
                ("subject", "Re: Ransomware at a grid operator"),
                ("text", "Indicators blocked at 09:10."),
            ]),
            &[],
        )
        .await;
    let reply_id = sent_id(&r);
    assert_ne!(reply_id, id);

    // The sender sees each recipient's status with times, and the reply.
    let thread = page(&fra, &format!("/communications/{reply_id}")).await;
    assert!(thread.contains("Indicators blocked at 09:10."));
    assert!(thread.contains(&format!("id=\"comm-{id}-recipients\"")));
    assert!(thread.contains("Answered"), "{thread}");

    // Pakistan's diplomatic PoC was not addressed but sees the AMBER
    // thread of its State (the State's folder), without acknowledging it.
    let dip = server.signed_in(&p.pak_diplomatic).await;
    let state_folder = page(&dip, "/communications?folder=state").await;
    assert!(state_folder.contains("Ransomware at a grid operator"));

    // The secretariat: metadata only, with the sentence that says why.
    let sec = server.signed_in(&p.secretariat).await;
    let all = page(&sec, "/communications?folder=all").await;
    assert!(all.contains(&format!("comm-row-{id}")));
    assert!(!all.contains("Ransomware"));
    assert!(all.contains("id=\"comm-metadata-only\""));
    let thread = page(&sec, &format!("/communications/{id}")).await;
    assert!(!thread.contains("Ransomware") && !thread.contains("isolated its network"));
    assert!(thread.contains("not visible to the directory"));
    let r = sec
        .get(&format!("/communications/{id}/attachments/{att}"))
        .await;
    assert_eq!(r.status(), 422, "the secretariat cannot download");
    server.stop().await;
}

/// A bad submission: its fields, its files, the status and the message.
type Case<'a> = (Vec<(&'a str, &'a str)>, Vec<File<'a>>, u16, &'a str);
type File<'a> = (&'a str, &'a str, &'a [u8]);

#[tokio::test]
async fn bad_input_is_refused_clearly_and_nothing_is_half_sent() {
    let server = TestServer::start().await;
    let p = people(&server).await;
    let fra = server.signed_in(&p.fra).await;

    // (fields, files, status, message on the page)
    let big = vec![b'a'; 6 * 1024 * 1024];
    let cases: Vec<Case> = vec![
        (
            fields(&[("tlp", "")]),
            vec![],
            422,
            "Choose a TLP label: every communication needs one.",
        ),
        (
            fields(&[("address", "named"), ("accounts", "999999")]),
            vec![],
            422,
            "A recipient is not a PoC who can receive communications.",
        ),
        (
            fields(&[("states", "DEU")]),
            vec![],
            422,
            "A State you chose does not participate in the directory.",
        ),
        (
            fields(&[("tlp", "RED")]),
            vec![],
            422,
            "TLP:RED needs named recipients: choose people, not whole States.",
        ),
        (
            fields(&[]),
            vec![("attachments", "report.pdf", b"just text, not a PDF")],
            422,
            "A file&#39;s content does not match its name&#39;s extension.",
        ),
        (
            fields(&[]),
            vec![("attachments", "tool.exe", b"MZ\x90\x00\x03")],
            422,
            "A file is not of an accepted type (PDF, PNG, JPEG or plain text).",
        ),
        (
            fields(&[]),
            vec![("attachments", "big.txt", &big)],
            422,
            "A file is larger than 5 MB.",
        ),
    ];
    for (f, files, status, message) in &cases {
        let r = fra.post_multipart("/communications/new", f, files).await;
        let got = r.status();
        let html = r.text().await.unwrap();
        assert_eq!(got, *status, "{message}: {html}");
        assert!(html.contains(message), "{message}: {html}");
        // The form comes back with the input kept and a summary.
        assert!(html.contains("id=\"error-message\""), "{message}");
        assert!(html.contains("value=\"Ransomware at a grid operator\""));
    }
    // Larger than the route takes at all: 413, in our words.
    let huge = vec![b'a'; 12 * 1024 * 1024];
    let r = fra
        .post_multipart(
            "/communications/new",
            &fields(&[]),
            &[("attachments", "huge.txt", &huge)],
        )
        .await;
    assert_eq!(r.status(), 413);
    assert_eq!(count_all(&server).await, 0, "nothing was sent");

    // A PoC of a State that does not take part cannot send.
    let deu = server.signed_in(&p.deu).await;
    let r = deu
        .post_multipart("/communications/new", &fields(&[("states", "FRA")]), &[])
        .await;
    assert_eq!(r.status(), 403);
    assert_eq!(count_all(&server).await, 0);

    // One good one, to reply to and forward.
    let id = sent_id(
        &fra.post_multipart("/communications/new", &fields(&[]), &[])
            .await,
    );

    // A reply to a thread one cannot read: 404, nothing sent.
    let r = deu
        .post_multipart(&format!("/communications/{id}/reply"), &fields(&[]), &[])
        .await;
    assert_eq!(r.status(), 404);
    let outsider = server
        .signed_in(
            &server
                .account(AccountKind::DiplomaticPoc, Some("FRA"))
                .await,
        )
        .await;
    // (France's other PoC may read its State's AMBER message, so may reply.)
    assert_eq!(
        outsider
            .get(&format!("/communications/{id}/reply"))
            .await
            .status(),
        200
    );
    assert_eq!(
        deu.get(&format!("/communications/{id}")).await.status(),
        404
    );
    assert_eq!(count_all(&server).await, 1);

    // Forwards that break the label: refused with the reason, and logged.
    let pak = server.signed_in(&p.pak).await;
    let before = refusals(&server).await;
    let r = pak
        .post_multipart(
            &format!("/communications/{id}/forward"),
            &[
                ("tlp", "GREEN"),
                ("address", "states"),
                ("states", "PAK"),
                ("roles", "both"),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("A forward may keep or tighten the TLP label, never loosen it."));
    let fra_dip = server
        .account(AccountKind::DiplomaticPoc, Some("FRA"))
        .await;
    let fra_dip_id = fra_dip.id.to_string();
    let r = pak
        .post_multipart(
            &format!("/communications/{id}/forward"),
            &[
                ("tlp", "AMBER"),
                ("address", "named"),
                ("accounts", &fra_dip_id),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("This label allows sharing only with the PoCs of your own State."));
    assert_eq!(refusals(&server).await, before + 2);
    assert_eq!(count_all(&server).await, 1);

    // Within the label (tightened, to its own State's PoCs): forwarded.
    let r = pak
        .post_multipart(
            &format!("/communications/{id}/forward"),
            &[
                ("tlp", "AMBER+STRICT"),
                ("address", "states"),
                ("states", "PAK"),
                ("roles", "diplomatic"),
            ],
            &[],
        )
        .await;
    let forwarded = sent_id(&r);
    let dip = server.signed_in(&p.pak_diplomatic).await;
    let thread = page(&dip, &format!("/communications/{forwarded}")).await;
    assert!(thread.contains(">TLP:AMBER+STRICT</span>"));
    assert!(thread.contains("Ransomware at a grid operator"));
    server.stop().await;
}

/// Every kind of account of the sender's State, the recipient's State and
/// a State that does not take part, on one AMBER and one RED communication
/// from France to Pakistan: who may know of it (200, else 404 that says
/// nothing, or 403 for kinds that never read communications) and who sees
/// its content.
#[tokio::test]
async fn who_sees_a_communication_by_kind_and_state() {
    let server = TestServer::start().await;
    let p = people(&server).await;
    let fra = server.signed_in(&p.fra).await;
    let amber = sent_id(
        &fra.post_multipart("/communications/new", &fields(&[]), &[])
            .await,
    );
    let pak_id = p.pak.id.to_string();
    let red = sent_id(
        &fra.post_multipart(
            "/communications/new",
            &fields(&[
                ("tlp", "RED"),
                ("address", "named"),
                ("accounts", &pak_id),
                ("subject", "Named source, do not share"),
            ]),
            &[],
        )
        .await,
    );
    // (status, sees the content) for AMBER and for RED.
    type Sight = (u16, bool);
    let mut cases: Vec<(String, pocdir_testkit::TestAccount, Sight, Sight)> = Vec::new();
    for kind in AccountKind::ALL {
        let states: &[Option<&str>] = if kind.acts_for_participant() {
            &[Some("FRA"), Some("PAK"), Some("DEU")]
        } else {
            &[None]
        };
        for state in states {
            let account = server.account(kind, *state).await;
            let poc = kind.is_poc();
            let expect = match (kind, *state) {
                (AccountKind::Secretariat, _) => ((200, false), (200, false)),
                _ if !poc => ((403, false), (403, false)),
                // Pakistan's technical PoC is the named recipient of both.
                (AccountKind::TechnicalPoc, Some("PAK")) => ((200, true), (200, true)),
                // France's technical PoC sent both.
                (AccountKind::TechnicalPoc, Some("FRA")) => ((200, true), (200, true)),
                // The parties' other PoCs: AMBER's content, RED's existence.
                (_, Some("FRA" | "PAK")) => ((200, true), (200, false)),
                // A State that is no party: not even that it exists.
                _ => ((404, false), (404, false)),
            };
            cases.push((
                format!("{kind:?} of {state:?}"),
                account,
                expect.0,
                expect.1,
            ));
        }
    }
    for (label, account, amber_sight, red_sight) in cases {
        // The sender and the named recipient are the accounts made above.
        let account = match (account.kind, account.participant.as_deref()) {
            (AccountKind::TechnicalPoc, Some("FRA")) => p.fra.clone(),
            (AccountKind::TechnicalPoc, Some("PAK")) => p.pak.clone(),
            _ => account,
        };
        let web = server.signed_in(&account).await;
        for (id, subject, (status, content)) in [
            (amber, "Ransomware at a grid operator", amber_sight),
            (red, "Named source, do not share", red_sight),
        ] {
            let r = web.get(&format!("/communications/{id}")).await;
            assert_eq!(r.status(), status, "{label} on #{id}");
            let html = r.text().await.unwrap();
            assert_eq!(
                html.contains(subject),
                content,
                "{label} sees #{id}'s content"
            );
        }
    }
    server.stop().await;
}
