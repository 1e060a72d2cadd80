//! The demo's best-practice library: a few documents of each kind of
//! label, from Pakistan, France and the secretariat, with summaries in
//! several languages, and one download of Pakistan's policy by France (a
//! read Pakistan sees in its log). The documents are fictional.

use anyhow::{anyhow, Context, Result};
use pocdir_domain::clock::Clock;
use pocdir_domain::library::DocumentDraft;
use pocdir_store::Store;
use pocdir_web::library::service::{Library, LibraryFailure};

use crate::demo_lexicon::requester;

fn failed(e: LibraryFailure) -> anyhow::Error {
    anyhow!("the demo's library: {e:?}")
}

struct Demo {
    by: &'static str,
    title: &'static str,
    kind: &'static str,
    tlp: &'static str,
    languages: &'static [&'static str],
    areas: &'static [&'static str],
    summaries: &'static [(&'static str, &'static str)],
    file_name: &'static str,
    text: &'static str,
}

const DOCUMENTS: [Demo; 4] = [
    Demo {
        by: "nominator@mofa.pk.example.org",
        title: "National Cyber Security Policy: overview for partner States",
        kind: "national_strategy",
        tlp: "CLEAR",
        languages: &["en"],
        areas: &["strategy_policy", "critical_infrastructure"],
        summaries: &[
            ("en", "The policy's seven pillars, who leads each, and how the national CERT and the Ministry of Foreign Affairs share the work of a point of contact."),
            ("ar", "الركائز السبع للسياسة، والجهة التي تقود كل ركيزة، وكيف يتقاسم فريق الاستجابة الوطني ووزارة الخارجية عمل نقطة الاتصال."),
        ],
        file_name: "pk-cyber-security-policy-overview.txt",
        text: "National Cyber Security Policy: overview for partner States (fictional demo)\n\n1. Governance\n2. Critical information infrastructure\n3. National CERT and sectoral CERTs\n4. Points of contact: the MoFA (diplomatic) and the national CERT (technical)\n",
    },
    Demo {
        by: "technical.poc@cert.fr.example.org",
        title: "Playbook : rançongiciel dans un établissement de santé",
        kind: "playbook",
        tlp: "AMBER",
        languages: &["fr", "en"],
        areas: &["incident_response", "critical_infrastructure"],
        summaries: &[
            ("fr", "Les douze premières heures d'un rançongiciel dans un hôpital : isoler, prévenir, continuer les soins, et quand saisir les points de contact des autres États."),
            ("en", "The first twelve hours of ransomware at a hospital: isolate, notify, keep care going, and when to reach other States' points of contact."),
        ],
        file_name: "playbook-rancongiciel-sante.txt",
        text: "Playbook : rançongiciel dans un établissement de santé (démonstration fictive)\n\nH+0 isoler les segments touchés\nH+1 prévenir le CERT national\nH+4 point de situation ; saisir les PoC concernés si l'origine est à l'étranger\n",
    },
    Demo {
        by: "secretariat@secretariat.example.org",
        title: "Lessons from the 2026 regional tabletop exercise",
        kind: "exercise_lessons",
        tlp: "GREEN",
        languages: &["en", "fr", "es"],
        areas: &["incident_response", "international_law"],
        summaries: &[
            ("en", "What forty States learned answering a cross-border incident on paper: acknowledge within the hour, name one voice, keep the TLP label when forwarding."),
            ("fr", "Ce que quarante États ont appris d'un incident transfrontalier joué sur table : accuser réception dans l'heure, une seule voix, garder le label TLP en transférant."),
            ("es", "Lo que cuarenta Estados aprendieron de un incidente transfronterizo simulado: acusar recibo en una hora, una sola voz, mantener la etiqueta TLP al reenviar."),
            ("ar", "ما تعلمته أربعون دولة من حادث عابر للحدود في تمرين محاكاة: الإقرار بالاستلام خلال ساعة، وصوت واحد، والإبقاء على وسم TLP عند إعادة التوجيه."),
        ],
        file_name: "tabletop-2026-lessons.txt",
        text: "Lessons from the 2026 regional tabletop exercise (fictional demo)\n\n1. Acknowledge within the hour.\n2. One voice per State.\n3. Keep the TLP label when forwarding.\n",
    },
    Demo {
        by: "technical.poc@cert.pk.example.org",
        title: "Internal guide: answering a ping test",
        kind: "guidance",
        tlp: "AMBER+STRICT",
        languages: &["en"],
        areas: &["technical_training"],
        summaries: &[
            ("en", "For the duty officers of the national CERT: where ping tests arrive, how to answer from the home page, and whom to call when the link has expired."),
        ],
        file_name: "guide-ping-test.txt",
        text: "Internal guide: answering a ping test (fictional demo)\n\nThe link in the mail, or the home page's button: either counts.\n",
    },
];

pub async fn seed(store: &dyn Store, clock: &dyn Clock) -> Result<()> {
    let library = Library { store, clock };
    let mut published = Vec::new();
    for d in &DOCUMENTS {
        let who = requester(store, d.by).await?;
        let draft = DocumentDraft {
            title: d.title.into(),
            kind: d.kind.into(),
            tlp: d.tlp.into(),
            languages: d.languages.iter().map(|l| (*l).to_owned()).collect(),
            areas: d.areas.iter().map(|a| (*a).to_owned()).collect(),
            summaries: d
                .summaries
                .iter()
                .map(|(l, t)| ((*l).to_owned(), (*t).to_owned()))
                .collect(),
            file_name: d.file_name.into(),
            bytes: d.text.as_bytes().to_vec(),
        };
        published.push(library.publish(&who, draft).await.map_err(failed)?);
    }
    // France reads Pakistan's policy: a read Pakistan finds in its log.
    let fra = requester(store, "diplomatic.poc@diplomatie.fr.example.org").await?;
    let policy = published.first().context("the demo's first document")?;
    library
        .file(&fra, policy.id, "page")
        .await
        .map_err(failed)?;
    Ok(())
}
