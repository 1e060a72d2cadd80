//! The demo's communications: a few threads between demo States, made
//! through the communications service (the same one the pages and the API
//! call), so that a newcomer who signs in as a demo PoC finds an inbox at
//! work: an urgent incident notification acknowledged by one of two
//! technical PoCs and answered in French, an urgent notification nobody
//! acknowledged in time and escalated to the State's diplomatic PoCs, a
//! request for assistance written in Spanish to two States, and a TLP:RED
//! message to one named PoC.
//!
//! Everything happens on a demo clock that starts a day before `now` and
//! moves forward step by step, so receipts, deadlines and the escalation
//! have the times they would have had.

use crate::accounts::{create_account, AccountRequest};
use anyhow::{anyhow, Context, Result};
use pocdir_communications::{Communications, Compose, Settings};
use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::ManualClock;
use pocdir_domain::communication::attachment::AttachmentDraft;
use pocdir_domain::communication::delivery::{Addressing, RoleChoice};
use pocdir_domain::communication::template::{TemplateDraft, Urgency, ZonedTime};
use pocdir_domain::entropy::Entropy;
use pocdir_domain::policy::Scopes;
use pocdir_domain::requester::Requester;
use pocdir_store::{Account, Store};
use time::{Duration, OffsetDateTime};

/// PoCs of the demo directory who take part in the threads without a
/// printed login: accounts linked to their directory entries by address
/// (nobody knows their passwords).
const CORRESPONDENTS: &[(AccountKind, &str, &str, &str)] = &[
    (
        AccountKind::TechnicalPoc,
        "FRA",
        "helene.lefevre@cert.fr.example.org",
        "Hélène Lefèvre",
    ),
    (
        AccountKind::TechnicalPoc,
        "PAK",
        "bilal.ahmed@cert.pk.example.org",
        "Bilal Ahmed",
    ),
    (
        AccountKind::TechnicalPoc,
        "ESP",
        "alvaro.garcia.perez@cert.es.example.org",
        "Álvaro García Pérez",
    ),
];

/// What the demo sent, for the tests and the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoThreads {
    /// The urgent TLP:AMBER incident notification (PAK → FRA technical).
    pub incident: i64,
    /// Its answer, in French.
    pub incident_reply: i64,
    /// The urgent notification escalated to PAK's diplomatic PoCs.
    pub escalated: i64,
    /// The request for assistance in Spanish (ESP → FRA and PAK).
    pub assistance: i64,
    /// The TLP:RED message to one named PoC.
    pub red: i64,
}

fn who(account: &Account) -> Requester {
    account.requester(Scopes::ALL)
}

fn find<'a>(accounts: &'a [Account], email: &str) -> Result<&'a Account> {
    accounts
        .iter()
        .find(|a| a.email == email)
        .ok_or_else(|| anyhow!("the demo has no account {email}"))
}

/// A local time in `zone`, `ago` before `now`, as a writer there types it.
fn local(now: OffsetDateTime, ago: Duration, zone: &str) -> (String, String) {
    match ZonedTime::at(now - ago, zone) {
        Some(t) => (t.local, t.zone),
        None => (String::new(), String::new()),
    }
}

/// Creates the correspondents and sends the threads. `cast` holds the
/// printed demo accounts; `clock` is the demo's clock, set to when the
/// first message goes out (it is moved forward here).
pub async fn seed(
    store: &dyn Store,
    clock: &ManualClock,
    entropy: &dyn Entropy,
    settings: &Settings,
    cast: &[Account],
    now: OffsetDateTime,
) -> Result<DemoThreads> {
    let mut accounts: Vec<Account> = cast.to_vec();
    for (kind, state, email, name) in CORRESPONDENTS {
        let created = create_account(
            store,
            clock,
            entropy,
            AccountRequest {
                kind: *kind,
                email,
                participant: Some(state),
                display_name: Some(name),
                demo_totp_secret: None,
                password: None,
                must_change_password: true,
            },
        )
        .await
        .with_context(|| format!("cannot create the demo correspondent {email}"))?;
        accounts.push(created.account);
    }
    let ayesha = find(&accounts, "technical.poc@cert.pk.example.org")?;
    let lea = find(&accounts, "technical.poc@cert.fr.example.org")?;
    let helene = find(&accounts, "helene.lefevre@cert.fr.example.org")?;
    let bilal = find(&accounts, "bilal.ahmed@cert.pk.example.org")?;
    let alvaro = find(&accounts, "alvaro.garcia.perez@cert.es.example.org")?;
    let service = Communications::new(store, clock, settings);
    let at = |ago: Duration| clock.set(now - ago);

    // A day ago: CERT Spain asks France and Pakistan for help, in Spanish.
    at(Duration::hours(20));
    let (started, started_zone) = local(now, Duration::hours(27), "Europe/Madrid");
    let (detected, detected_zone) = local(now, Duration::hours(26), "Europe/Madrid");
    let (respond_by, respond_by_zone) = local(now, Duration::hours(-4), "Europe/Madrid");
    let assistance = service
        .send(
            &who(alvaro),
            Compose {
                template: TemplateDraft {
                    kind: "assistance_request".into(),
                    urgency: "priority".into(),
                    tlp: "GREEN".into(),
                    subject: "Solicitud de asistencia: DDoS contra portales de administración electrónica y de la red de aguas".into(),
                    started_local: started,
                    started_zone,
                    detected_local: detected,
                    detected_zone,
                    sectors: vec!["government".into(), "water".into()],
                    impact: "Indisponibilidad intermitente (hasta 40 minutos) de la sede electrónica de tres ministerios y del portal de clientes de un operador de abastecimiento de agua. El suministro de agua no está afectado.".into(),
                    requested_action: "Identificar y notificar a los propietarios de los equipos de sus redes que participan en el ataque (lista adjunta) y, si es posible, compartir los datos de flujo de los servidores de mando y control que se indican.".into(),
                    respond_by_local: respond_by,
                    respond_by_zone,
                    text: "Estimados colegas:\n\nDesde ayer por la tarde sufrimos un ataque de denegación de servicio por inundación HTTPS (picos de 1,2 millones de peticiones por segundo) procedente de una red de equipos comprometidos, principalmente routers domésticos y cámaras IP. Según nuestra telemetría, unas 600 direcciones de origen están en redes de sus países.\n\nLes adjuntamos la lista de direcciones y de los dos servidores de mando y control observados. Cualquier ayuda para notificar a los proveedores de acceso afectados sería muy valiosa.\n\nQuedamos a su disposición por este canal o por teléfono 24/7.\n\nUn saludo cordial,\nÁlvaro García Pérez\nCERT nacional de España".into(),
                    text_language: "es".into(),
                },
                to: Addressing::States {
                    states: vec!["FRA".into(), "PAK".into()],
                    roles: RoleChoice::Both,
                },
                attachments: vec![AttachmentDraft {
                    name: "botnet-origenes.csv".into(),
                    bytes: ASSISTANCE_CSV.as_bytes().to_vec(),
                }],
            },
        )
        .await
        .context("demo: request for assistance")?;
    at(Duration::minutes(19 * 60 + 30));
    service
        .acknowledge(&who(helene), assistance)
        .await
        .context("demo: acknowledgement")?;
    at(Duration::hours(18));
    service
        .acknowledge(&who(bilal), assistance)
        .await
        .context("demo: acknowledgement")?;

    // Three hours past its deadline: CERT-FR warns Pakistan; nobody
    // acknowledges in time, so Pakistan's diplomatic PoCs are alerted.
    let deadline = settings.deadlines.for_urgency(Urgency::Urgent);
    let sent = deadline + Duration::hours(3);
    at(sent);
    let (started, started_zone) = local(now, sent + Duration::hours(4), "Europe/Paris");
    let (detected, detected_zone) = local(now, sent + Duration::hours(1), "Europe/Paris");
    let escalated = service
        .send(
            &who(lea),
            Compose {
                template: TemplateDraft {
                    kind: "incident_notification".into(),
                    urgency: "urgent".into(),
                    tlp: "AMBER+STRICT".into(),
                    subject: "Ransomware at a hospital group: data exfiltrated to servers hosted in Pakistan".into(),
                    started_local: started,
                    started_zone,
                    detected_local: detected,
                    detected_zone,
                    sectors: vec!["health".into()],
                    impact: "Patient records systems of a regional hospital group encrypted; emergency admissions diverted to neighbouring hospitals. About 300 GB of data left the network before the encryption.".into(),
                    requested_action: "Please help identify the hosting provider of 203.0.113.77 and 203.0.113.78, ask it to preserve its logs and, if your law allows, to stop the transfers. An acknowledgement by return is appreciated.".into(),
                    respond_by_local: String::new(),
                    respond_by_zone: String::new(),
                    text: "Dear colleagues,\n\nWe are handling a ransomware incident at a French hospital group. The intruders used a stolen VPN account and copied data over HTTPS to two servers at 203.0.113.77 and 203.0.113.78, which registry data places with a hosting provider in Pakistan. The transfers were still running when we detected them.\n\nWe do not draw any conclusion about who is behind this; we only ask for help in reaching the provider quickly.\n\nBest regards,\nLéa Fontaine\nCERT-FR duty officer".into(),
                    text_language: "en".into(),
                },
                to: Addressing::States {
                    states: vec!["PAK".into()],
                    roles: RoleChoice::Technical,
                },
                attachments: Vec::new(),
            },
        )
        .await
        .context("demo: escalated notification")?;
    // The escalation job runs just after the deadline.
    at(sent - deadline - Duration::minutes(1));
    service
        .escalate_due(100)
        .await
        .context("demo: escalation")?;

    // Fifty minutes ago: PKCERT notifies France of an attack on its
    // electricity distribution, with indicators attached.
    at(Duration::minutes(50));
    let (started, started_zone) = local(now, Duration::hours(4), "Asia/Karachi");
    let (detected, detected_zone) = local(now, Duration::minutes(95), "Asia/Karachi");
    let incident = service
        .send(
            &who(ayesha),
            Compose {
                template: TemplateDraft {
                    kind: "incident_notification".into(),
                    urgency: "urgent".into(),
                    tlp: "AMBER".into(),
                    subject: "Intrusion into electricity distribution control systems: command servers hosted in France".into(),
                    started_local: started,
                    started_zone,
                    detected_local: detected,
                    detected_zone,
                    sectors: vec!["energy".into()],
                    impact: "Unauthorised remote access to the SCADA network of two electricity distribution companies; 14 feeders switched off for up to 90 minutes, about 120,000 customers without power. Service restored manually; the attackers' access has been cut.".into(),
                    requested_action: "Please (1) identify the hosting provider of the three command servers listed in the attachment and ask it to preserve logs and disk images, (2) check whether French energy operators see the same indicators, and (3) acknowledge this message.".into(),
                    respond_by_local: String::new(),
                    respond_by_zone: String::new(),
                    text: "Dear colleagues at CERT-FR,\n\nEarly this morning our national CERT was alerted by two electricity distribution companies. The intruders entered through an unpatched remote-access gateway, moved to the engineering workstations and sent switching commands to the substations' controllers. The implants we recovered called back to three servers whose addresses belong to a hosting provider in France.\n\nThe indicators (addresses, domains, file hashes) are attached as text. We have shared them with no one else so far. We make no attribution; our aim is to stop the activity and to help others detect it.\n\nWe are available around the clock on this channel and by phone.\n\nRegards,\nAyesha Malik\nPKCERT".into(),
                    text_language: "en".into(),
                },
                to: Addressing::States {
                    states: vec!["FRA".into()],
                    roles: RoleChoice::Technical,
                },
                attachments: vec![AttachmentDraft {
                    name: "indicators.txt".into(),
                    bytes: INDICATORS.as_bytes().to_vec(),
                }],
            },
        )
        .await
        .context("demo: incident notification")?;
    // One of France's two technical PoCs acknowledges, then answers.
    at(Duration::minutes(44));
    service
        .acknowledge(&who(helene), incident)
        .await
        .context("demo: acknowledgement")?;
    at(Duration::minutes(31));
    let incident_reply = service
        .reply(
            &who(helene),
            incident,
            TemplateDraft {
                kind: "response".into(),
                urgency: "urgent".into(),
                tlp: "AMBER".into(),
                subject: "Re : intrusion dans les systèmes de conduite de la distribution d'électricité".into(),
                started_local: String::new(),
                started_zone: String::new(),
                detected_local: String::new(),
                detected_zone: String::new(),
                sectors: vec!["energy".into()],
                impact: String::new(),
                requested_action: "Merci de nous transmettre, si possible, les horodatages précis des connexions vers 198.51.100.23 : l'hébergeur nous les demande pour retrouver les machines virtuelles.".into(),
                respond_by_local: String::new(),
                respond_by_zone: String::new(),
                text: "Chers collègues,\n\nBien reçu, merci pour cette notification et pour les indicateurs. Les trois serveurs sont bien hébergés chez un prestataire français ; nous l'avons contacté et il a engagé la conservation des journaux et des images disque.\n\nNous avons diffusé les indicateurs aux opérateurs d'énergie français sous TLP:AMBER. Aucun n'a observé ces indicateurs à ce stade ; nous vous tiendrons informés de toute détection.\n\nPoint de situation prévu ce soir avant 20 h, heure de Paris.\n\nBien cordialement,\nHélène Lefèvre\nCERT-FR".into(),
                text_language: "fr".into(),
            },
            Vec::new(),
        )
        .await
        .context("demo: reply")?;

    // Twenty minutes ago: a detail for one named person only.
    at(Duration::minutes(20));
    let red = service
        .send(
            &who(ayesha),
            Compose {
                template: TemplateDraft {
                    kind: "information_request".into(),
                    urgency: "priority".into(),
                    tlp: "RED".into(),
                    subject: "Name of the affected operator and our engineer on call".into(),
                    started_local: String::new(),
                    started_zone: String::new(),
                    detected_local: String::new(),
                    detected_zone: String::new(),
                    sectors: vec!["energy".into()],
                    impact: String::new(),
                    requested_action: "Please do not share this beyond yourself. Call our engineer directly if the hosting provider needs technical details.".into(),
                    respond_by_local: String::new(),
                    respond_by_zone: String::new(),
                    text: "Léa,\n\nFor you only, following our call: the first company hit is the distribution operator of the southern region; its security lead is on call tonight and can be reached at any hour through our duty desk. Please keep its name out of any written report for now.\n\nAyesha".into(),
                    text_language: "en".into(),
                },
                to: Addressing::Named {
                    accounts: vec![lea.id],
                },
                attachments: Vec::new(),
            },
        )
        .await
        .context("demo: TLP:RED message")?;
    clock.set(now);
    Ok(DemoThreads {
        incident,
        incident_reply,
        escalated,
        assistance,
        red,
    })
}

/// The indicators attached to the incident notification (documentation
/// addresses and example domains only).
const INDICATORS: &str = "\
# PKCERT indicators, TLP:AMBER
# type\tvalue\tcomment
ipv4\t198.51.100.23\tcommand server, HTTPS on 443 and 8443
ipv4\t198.51.100.24\tcommand server, fallback
ipv4\t198.51.100.87\tstaging server for tools
domain\tupdate-grid-services.example.net\tresolves to 198.51.100.23
domain\tcdn-telemetry.example.net\tresolves to 198.51.100.24
sha256\t06f4a5164efd9ba7392cd3548acbd3964622691f5318018defbb0369bbd75ab9\tloader (DLL side-loading)
sha256\tf62f5c35f0ff9b43ea24215a16de4227a9779fc96d6e28d7960c1328862dea9b\tloader, second variant
sha256\t09f558550e46480ae5fdfc08e4288136728c4e39343d5139759241655c2800f3\ttunnelling tool
user-agent\tMozilla/5.0 (Windows NT 10.0; Win64; x64) GridSync/2.1\tbeacon
";

/// The origins attached to the request for assistance.
const ASSISTANCE_CSV: &str = "\
pais,direccion,puerto_destino,peticiones_por_segundo,primera_vez_utc
FRA,192.0.2.14,443,1850,2026-11-29T16:02
FRA,192.0.2.77,443,1320,2026-11-29T16:03
FRA,192.0.2.201,443,990,2026-11-29T16:05
PAK,203.0.113.9,443,2110,2026-11-29T16:02
PAK,203.0.113.45,443,1760,2026-11-29T16:04
PAK,203.0.113.130,443,870,2026-11-29T16:09
C2,198.51.100.200,8080,,2026-11-29T15:48
C2,198.51.100.201,8080,,2026-11-29T15:51
";
