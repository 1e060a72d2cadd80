//! Export of the directory (reads logged, TLP marking, who may) and the
//! secretariat's import of nominations (dry run, all-or-nothing commit,
//! explicit acceptance of the valid rows), over the API and the page.

use pocdir_domain::account::AccountKind;
use pocdir_domain::log::entry::content_hash;
use pocdir_testkit::{TestAccount, TestServer};
use serde_json::{json, Value};

fn draft(role: &str, name: &str) -> Value {
    json!({
        "role": role,
        "name": name,
        "title": "Duty officer",
        "organisation": "National CERT, Ops; Desk",
        "emails": [format!("{}@cert.example.org", name.to_lowercase().replace(' ', "."))],
        "phones": [{"number": "+44 7700 900123", "use": "24x7"}],
        "languages": ["en", "fr"],
        "time_zone": "Europe/Paris",
        "hours": "Mon-Fri 09:00-17:00",
        "notes": "Line one\nline two"
    })
}

struct Api<'a> {
    server: &'a TestServer,
    http: reqwest::Client,
}

impl Api<'_> {
    async fn get(&self, who: &TestAccount, path: &str) -> reqwest::Response {
        let token = self.server.token(who, "read").await;
        self.http
            .get(self.server.url(path))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
    }

    async fn import(&self, who: &TestAccount, query: &str, file: &str) -> (u16, Value) {
        let token = self.server.token(who, "write").await;
        let r = self
            .http
            .post(self.server.url(&format!("/api/v1/pocs/import?{query}")))
            .bearer_auth(token)
            .header("content-type", "text/csv")
            .body(file.to_string())
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
    }

    /// Nominated and verified: the State then takes part.
    async fn verified(
        &self,
        nominator: &TestAccount,
        secretariat: &TestAccount,
        code: &str,
        role: &str,
        name: &str,
    ) -> i64 {
        let api = crate::pocs::Api {
            server: self.server,
            http: self.http.clone(),
        };
        api.active(nominator, secretariat, code, draft(role, name))
            .await
    }

    async fn pending_count(&self, secretariat: &TestAccount) -> usize {
        let r = self.get(secretariat, "/api/v1/pocs/pending").await;
        let v: Value = r.json().await.unwrap();
        v.as_array().unwrap().len()
    }
}

async fn reads(server: &TestServer) -> Vec<pocdir_domain::log::entry::LogEntry> {
    let filter = pocdir_store::LogFilter {
        action: Some("poc.read".into()),
        ..Default::default()
    };
    server.store.search_log(&filter, None, 1000).await.unwrap()
}

fn header<'a>(r: &'a reqwest::Response, name: &str) -> &'a str {
    r.headers()
        .get(name)
        .map(|v| v.to_str().unwrap())
        .unwrap_or_default()
}

#[tokio::test]
async fn exports_are_marked_logged_and_only_for_those_who_see_contacts() {
    let server = TestServer::start().await;
    let api = Api {
        server: &server,
        http: reqwest::Client::new(),
    };
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak_nominator = server.account(AccountKind::Nominator, Some("PAK")).await;
    let fra_nominator = server.account(AccountKind::Nominator, Some("FRA")).await;
    let pak_poc = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let deu_poc = server.account(AccountKind::TechnicalPoc, Some("DEU")).await;
    let auditor = server.account(AccountKind::Auditor, None).await;
    let reporter = server.account(AccountKind::Reporter, None).await;

    api.verified(
        &pak_nominator,
        &secretariat,
        "PAK",
        "technical",
        "Ayesha Malik",
    )
    .await;
    let fra_ids = [
        api.verified(
            &fra_nominator,
            &secretariat,
            "FRA",
            "technical",
            "Claire Dubois",
        )
        .await,
        api.verified(
            &fra_nominator,
            &secretariat,
            "FRA",
            "diplomatic",
            "Julien Moreau",
        )
        .await,
    ];
    // Versions of France's entries, from the search (which logs nothing).
    let search: Value = api
        .get(&secretariat, "/api/v1/pocs?participant=FRA")
        .await
        .json()
        .await
        .unwrap();
    let version_of = |id: i64| {
        search["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()["version"]
            .as_i64()
            .unwrap()
    };

    // Pakistan's PoC exports everything it may see: its own entry and France's two.
    let before = reads(&server).await.len();
    let r = api.get(&pak_poc, "/api/v1/pocs/export?format=csv").await;
    assert_eq!(r.status(), 200);
    assert!(header(&r, "content-type").starts_with("text/csv"));
    assert!(header(&r, "content-disposition").starts_with("attachment; filename="));
    // The marking is in the file's name too.
    assert!(
        header(&r, "content-disposition").ends_with("-TLP-AMBER+STRICT.csv\""),
        "{}",
        header(&r, "content-disposition")
    );
    assert_eq!(header(&r, "tlp"), "TLP:AMBER+STRICT");
    assert_eq!(header(&r, "cache-control"), "no-store");
    // For spreadsheets: a UTF-8 byte-order mark, the header on the first
    // line, the marking in a column of every row.
    let bytes = r.bytes().await.unwrap();
    let csv = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").expect("a BOM")).unwrap();
    assert!(
        csv.starts_with("tlp,participant,participant_name,role,"),
        "{csv}"
    );
    let rows: Vec<&str> = csv
        .split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(rows.len(), 3, "{csv}"); // the notes' line break is "\n" inside quotes
    for row in &rows {
        assert!(row.starts_with("TLP:AMBER+STRICT,"), "{row}");
    }
    assert!(csv.contains("Claire Dubois") && csv.contains("Ayesha Malik"));
    // A validated phone: its use first, grouped, without a visible formula guard.
    assert!(csv.contains(",24x7 +44 7700 900123,"), "{csv}");
    assert!(!csv.contains("'+"), "{csv}");

    // One read per exported entry of another State, through the export.
    let after = reads(&server).await;
    assert_eq!(after.len(), before + 2);
    let new: Vec<_> = after.iter().take(2).collect();
    for id in fra_ids {
        let entry = new
            .iter()
            .find(|e| e.object == format!("poc:{id}"))
            .unwrap_or_else(|| panic!("no read of {id}: {new:?}"));
        assert_eq!(entry.actor_participant.as_deref(), Some("PAK"));
        assert_eq!(entry.participant.as_deref(), Some("FRA"));
        assert_eq!(
            entry.content_hash,
            content_hash(&json!({"path": "export", "version": version_of(id)}))
        );
    }

    // The filters of the search apply.
    let r = api
        .get(
            &pak_poc,
            "/api/v1/pocs/export?format=json&participant=FRA&role=diplomatic",
        )
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "content-type"), "application/json");
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["tlp"], "TLP:AMBER+STRICT");
    assert_eq!(v["records"].as_array().unwrap().len(), 1);
    assert_eq!(v["records"][0]["name"], "Julien Moreau");
    assert_eq!(reads(&server).await.len(), before + 3);

    let r = api.get(&pak_poc, "/api/v1/pocs/export?format=vcard").await;
    assert_eq!(r.status(), 200);
    assert!(header(&r, "content-type").starts_with("text/vcard"));
    let vcf = r.text().await.unwrap();
    assert_eq!(vcf.matches("BEGIN:VCARD\r\nVERSION:4.0\r\n").count(), 3);
    assert_eq!(vcf.matches("\r\nX-TLP:TLP:AMBER+STRICT\r\n").count(), 3);
    assert!(
        vcf.contains("ORG:National CERT\\, Ops\\; Desk\r\n"),
        "{vcf}"
    );
    assert!(vcf.contains("TEL;VALUE=uri;TYPE=\"work,voice\";PREF=1:tel:+447700900123"));
    assert!(vcf.split("\r\n").all(|l| l.len() <= 75));

    // A browser session follows the directory page's links.
    let browser = server.signed_in(&pak_poc).await;
    let page = browser.get("/directory").await.text().await.unwrap();
    assert!(page.contains("/api/v1/pocs/export?format=csv"), "{page}");
    let r = browser.get("/api/v1/pocs/export?format=csv").await;
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "tlp"), "TLP:AMBER+STRICT");

    // No contact details, no export.
    for who in [&auditor, &reporter] {
        let r = api.get(who, "/api/v1/pocs/export?format=csv").await;
        assert_eq!(r.status(), 403);
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["error"]["code"], "forbidden");
    }
    // A PoC of a State that does not take part may not export France's entries (logged).
    let refused = pocdir_store::LogFilter {
        action: Some("access.refused".into()),
        ..Default::default()
    };
    let refusals = server
        .store
        .search_log(&refused, None, 100)
        .await
        .unwrap()
        .len();
    let r = api
        .get(&deu_poc, "/api/v1/pocs/export?format=csv&participant=FRA")
        .await;
    assert_eq!(r.status(), 403);
    assert_eq!(
        server
            .store
            .search_log(&refused, None, 100)
            .await
            .unwrap()
            .len(),
        refusals + 1
    );
    // ...and without a filter it holds nothing of the participating States.
    let r = api.get(&deu_poc, "/api/v1/pocs/export?format=csv").await;
    assert_eq!(r.status(), 200);
    let csv = r.text().await.unwrap();
    assert_eq!(csv.matches("\r\n").count(), 1, "the header alone: {csv}");
    assert!(!csv.contains("TLP:AMBER+STRICT,"), "{csv}");

    let r = api.get(&pak_poc, "/api/v1/pocs/export?format=pdf").await;
    assert_eq!(r.status(), 422);

    // The secretariat's export imports again in a dry run without a problem.
    let csv = api
        .get(&secretariat, "/api/v1/pocs/export?format=csv")
        .await
        .text()
        .await
        .unwrap();
    let (status, report) = api
        .import(&secretariat, "format=csv&mode=dry_run", &csv)
        .await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["rows"], 3);
    assert_eq!(report["valid_rows"], 3);
    assert_eq!(report["problems"], json!([]));
    assert_eq!(report["imported"], 0);
    server.stop().await;
}

const HEADER: &str = "participant,role,name,title,organisation,emails,phones,secure_channels,languages,time_zone,hours,notes\n";

fn file_with_one_bad_row() -> String {
    format!(
        "{HEADER}\
DEU,technical,Anna Schmidt,Head,CERT-Bund,anna@cert.example.de,+49 228 99 9582 0 office; +49 170 1234567 24x7,,de; en,Europe/Berlin,Mon-Fri 08:00-16:00,\n\
ITA,diplomatic,Marco Rossi,,MAECI,not-an-email,,,it,Europe/Rome,Mon-Fri 09:00-17:00,\n\
ESP,technical,Lucía García,,INCIBE-CERT,lucia@cert.example.es,,Signal: +34600000000,es,Europe/Madrid,24/7,\"Call; then mail\"\n"
    )
}

#[tokio::test]
async fn arabic_and_chinese_names_survive_the_csv_export_and_its_import() {
    let server = TestServer::start().await;
    let api = Api {
        server: &server,
        http: reqwest::Client::new(),
    };
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let sau = server.account(AccountKind::Nominator, Some("SAU")).await;
    let chn = server.account(AccountKind::Nominator, Some("CHN")).await;
    let mut arabic = draft("technical", "Aisha");
    arabic["name"] = json!("عائشة مالك");
    arabic["organisation"] = json!("المركز الوطني للأمن السيبراني");
    let mut chinese = draft("diplomatic", "Li");
    chinese["name"] = json!("李华");
    chinese["organisation"] = json!("国家计算机网络应急技术处理协调中心");
    let pocs = crate::pocs::Api {
        server: &server,
        http: reqwest::Client::new(),
    };
    pocs.active(&sau, &secretariat, "SAU", arabic).await;
    pocs.active(&chn, &secretariat, "CHN", chinese).await;

    let r = api
        .get(&secretariat, "/api/v1/pocs/export?format=csv")
        .await;
    assert_eq!(r.status(), 200);
    let bytes = r.bytes().await.unwrap();
    // The bytes a spreadsheet opens: BOM, then UTF-8 text.
    assert!(bytes.starts_with(b"\xEF\xBB\xBFtlp,"));
    let text = std::str::from_utf8(&bytes).unwrap();
    for name in ["عائشة مالك", "李华", "国家计算机网络应急技术处理协调中心"]
    {
        assert!(text.contains(name), "{name} missing: {text}");
    }
    // The file imports again as it is (a dry run), every row valid.
    let (status, report) = api
        .import(&secretariat, "format=csv&mode=dry_run", text)
        .await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["rows"], 2, "{report}");
    assert_eq!(report["valid_rows"], 2, "{report}");
}

#[tokio::test]
async fn an_import_with_a_bad_row_writes_nothing_unless_the_valid_rows_are_accepted() {
    let server = TestServer::start().await;
    let api = Api {
        server: &server,
        http: reqwest::Client::new(),
    };
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let nominator = server.account(AccountKind::Nominator, Some("DEU")).await;
    let file = file_with_one_bad_row();

    let (status, report) = api
        .import(&secretariat, "format=csv&mode=dry_run", &file)
        .await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["rows"], 3);
    assert_eq!(report["valid_rows"], 2);
    assert_eq!(report["bad_rows"], json!([2]));
    assert_eq!(report["problems"][0]["row"], 2);
    assert_eq!(report["problems"][0]["field"], "emails[0]");
    assert_eq!(report["problems"][0]["code"], "poc-error-email");
    assert_eq!(api.pending_count(&secretariat).await, 0);

    // All or nothing: one bad row, nothing written.
    let (status, refused) = api
        .import(&secretariat, "format=csv&mode=commit", &file)
        .await;
    assert_eq!(status, 422, "{refused}");
    assert_eq!(refused["error"]["code"], "import_has_bad_rows");
    assert_eq!(refused["error"]["fields"][0]["field"], "rows[2].emails[0]");
    assert_eq!(refused["report"]["imported"], 0);
    assert_eq!(api.pending_count(&secretariat).await, 0);

    // The operator accepts the valid rows explicitly.
    let (status, done) = api
        .import(&secretariat, "format=csv&mode=accept_valid", &file)
        .await;
    assert_eq!(status, 201, "{done}");
    assert_eq!(done["imported"], 2);
    let pending: Value = api
        .get(&secretariat, "/api/v1/pocs/pending")
        .await
        .json()
        .await
        .unwrap();
    let mut codes: Vec<&str> = pending
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["participant"].as_str().unwrap())
        .collect();
    codes.sort();
    assert_eq!(codes, ["DEU", "ESP"]);
    assert!(pending
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["status"] == "pending" && p["pending_action"] == "create"));

    // An unknown participant is a bad row; a file that is not a table is refused whole.
    let unknown = format!("{HEADER}XXX,technical,A B,,Org,a@example.org,,,en,UTC,24/7,\n");
    let (status, report) = api
        .import(&secretariat, "format=csv&mode=commit", &unknown)
        .await;
    assert_eq!(status, 422);
    assert_eq!(report["report"]["problems"][0]["field"], "participant");
    let (status, e) = api
        .import(&secretariat, "format=csv", "name,rank\nA,1\n")
        .await;
    assert_eq!(status, 422);
    assert_eq!(e["error"]["code"], "import_unreadable");
    // JSON records are imported the same way.
    let json_file = json!({"records": [
        {"participant": "FRA", "role": "technical", "name": "Claire Dubois", "organisation": "ANSSI",
         "emails": ["claire@cert.example.fr"], "languages": ["fr"], "time_zone": "Europe/Paris", "hours": "24/7"}
    ]})
    .to_string();
    let (status, done) = api
        .import(&secretariat, "format=json&mode=commit", &json_file)
        .await;
    assert_eq!(status, 201, "{done}");
    assert_eq!(api.pending_count(&secretariat).await, 3);

    // Only the secretariat imports.
    let (status, _) = api.import(&nominator, "format=csv", &file).await;
    assert_eq!(status, 403);
    server.stop().await;
}

fn multipart(boundary: &str, fields: &[(&str, &str)], file: Option<&str>) -> String {
    let mut body = String::new();
    for (name, value) in fields {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    if let Some(file) = file {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"nominations.csv\"\r\nContent-Type: text/csv\r\n\r\n{file}\r\n"
        ));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    body
}

#[tokio::test]
async fn the_import_page_checks_a_file_then_imports_the_valid_rows_on_request() {
    let server = TestServer::start().await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let web = server.signed_in(&secretariat).await;
    let queue = web.get("/nominations").await.text().await.unwrap();
    assert!(queue.contains("href=\"/directory/import\""));
    let form = web.get("/directory/import").await;
    assert_eq!(form.status(), 200);
    let html = form.text().await.unwrap();
    assert!(html.contains("enctype=\"multipart/form-data\""));

    let csrf = web.csrf().await;
    let boundary = "----pocdirTestBoundary7MA4YWxk";
    let post = |body: String| {
        web.http
            .post(server.url("/directory/import"))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
            .send()
    };
    let file = file_with_one_bad_row();

    // Without the CSRF token, refused.
    let r = post(multipart(boundary, &[("mode", "dry_run")], Some(&file)))
        .await
        .unwrap();
    assert_eq!(r.status(), 403);

    let r = post(multipart(
        boundary,
        &[("csrf", &csrf), ("mode", "dry_run"), ("format", "auto")],
        Some(&file),
    ))
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"import-problems\""), "{html}");
    assert!(html.contains("<td>2</td><td dir=\"ltr\"><code>emails[0]</code></td>"));
    assert!(html.contains("id=\"import-accept-valid\""));
    assert!(!html.contains("id=\"import-commit\""));

    // The confirming button posts the file's text back with the chosen mode.
    let r = post(multipart(
        boundary,
        &[
            ("csrf", &csrf),
            ("format", "csv"),
            ("content", &file),
            ("mode", "commit"),
        ],
        None,
    ))
    .await
    .unwrap();
    assert_eq!(r.status(), 422);
    let r = post(multipart(
        boundary,
        &[
            ("csrf", &csrf),
            ("format", "csv"),
            ("content", &file),
            ("mode", "accept_valid"),
        ],
        None,
    ))
    .await
    .unwrap();
    // Written: to the queue, confirmed (a reload cannot send the file again).
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/nominations?done=imported");
    assert_eq!(server.store.pending_pocs().await.unwrap().len(), 2);

    // Not a file upload: a plain form is a bad request, not a crash.
    let r = web
        .post_form("/directory/import", &[("mode", "commit")])
        .await;
    assert_eq!(r.status(), 400);
    server.stop().await;
}

/// The vCard export read by an independent parser (Python's `vobject`),
/// when it is installed; skipped otherwise.
#[test]
fn vcards_parse_with_vobject() {
    use pocdir_domain::directory::exchange::{to_vcard, ExportEntry};
    use pocdir_domain::directory::poc::{PhoneDraft, PocDraft};
    use std::io::Write;
    let has_vobject = std::process::Command::new("python3")
        .args(["-c", "import vobject"])
        .status()
        .is_ok_and(|s| s.success());
    // scripts/test installs it; a missing peer is a failure, not a skip.
    assert!(
        has_vobject,
        "python3 with vobject is needed (pip install vobject)"
    );
    let details = PocDraft {
        role: "diplomatic".into(),
        name: "Zhang Wei 张伟".into(),
        title: "Counsellor, cyber affairs; mission".into(),
        organisation: "Ministry of Foreign Affairs\\Cyber".into(),
        emails: vec!["zhang.wei@mfa.example.cn".into()],
        phones: vec![PhoneDraft {
            number: "+86 10 6596 1114".into(),
            phone_use: "office".into(),
        }],
        secure_channels: vec![],
        languages: vec!["zh".into(), "en".into()],
        time_zone: "Asia/Shanghai".into(),
        hours: "Mon-Fri 09:00-17:00".into(),
        notes: "长备注 ".repeat(40),
        openpgp_key: include_str!("../../../domain/tests/fixtures/openpgp/ed25519.asc").into(),
    }
    .validate(time::macros::datetime!(2027-01-15 12:00 UTC))
    .unwrap();
    let vcf = to_vcard(&[ExportEntry {
        id: 9,
        participant: "CHN".into(),
        participant_name: "China".into(),
        details,
    }]);
    let script = r#"
import sys, json, vobject
cards = list(vobject.readComponents(sys.stdin.read()))
c = cards[0]
print(json.dumps({"n": len(cards), "fn": c.fn.value, "org": c.org.value, "title": c.title.value,
  "tel": c.tel.value, "tlp": c.contents["x-tlp"][0].value, "note": c.note.value,
  "key": c.key.value}))
"#;
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(vcf.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["n"], 1);
    assert_eq!(v["fn"], "Zhang Wei 张伟");
    assert_eq!(v["org"], json!(["Ministry of Foreign Affairs\\Cyber"]));
    assert_eq!(v["title"], "Counsellor, cyber affairs; mission");
    assert_eq!(v["tel"], "tel:+861065961114");
    assert_eq!(v["tlp"], "TLP:AMBER+STRICT");
    // vobject reads KEY as a vCard 3 list and stops at the data URI's comma;
    // the whole URI is checked by the unit test in the domain.
    assert!(v["key"]
        .as_str()
        .unwrap()
        .starts_with("data:application/pgp-keys"));
    let note = v["note"].as_str().unwrap();
    assert!(note.starts_with("TLP:AMBER+STRICT\n"));
    assert!(note.ends_with(&"长备注 ".repeat(40).trim_end().to_string()));
}
