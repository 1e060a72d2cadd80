//! The demo's common lexicon: the shipped OEWG terms, and two proposals
//! waiting for the secretariat: Pakistan's change to "ping test" (an
//! admitted English synonym and an Arabic wording), with France's
//! comment, and France's new concept
//! "coordinated vulnerability disclosure".

use anyhow::{anyhow, Context, Result};
use pocdir_domain::clock::Clock;
use pocdir_domain::lexicon::concept::{LanguageDraft, TermDraft};
use pocdir_domain::lexicon::ConceptDraft;
use pocdir_domain::log::entry::LogActor;
use pocdir_domain::policy::Scopes;
use pocdir_domain::requester::Requester;
use pocdir_store::Store;
use pocdir_web::lexicon::service::{install_shipped, Lexicon, LexiconCache, LexiconFailure};

pub const PROPOSER: &str = "diplomatic.poc@mofa.pk.example.org";
pub const COMMENTER: &str = "technical.poc@cert.fr.example.org";

/// A demo account as the use cases take it (the lexicon's and the library's).
pub(crate) async fn requester(store: &dyn Store, email: &str) -> Result<Requester> {
    let account = store
        .account_by_email(email)
        .await?
        .with_context(|| format!("the demo account {email}"))?;
    Ok(account.requester(Scopes::ALL))
}

fn failed(e: LexiconFailure) -> anyhow::Error {
    anyhow!("the demo's lexicon: {e:?}")
}

fn term(text: &str, status: &str) -> TermDraft {
    TermDraft {
        text: text.into(),
        status: status.into(),
    }
}

pub async fn seed(store: &dyn Store, clock: &dyn Clock) -> Result<()> {
    install_shipped(store, clock, &LogActor::system())
        .await
        .map_err(failed)?;
    let cache = LexiconCache::default();
    let lexicon = Lexicon {
        store,
        clock,
        cache: &cache,
    };
    let pak = requester(store, PROPOSER).await?;
    let fra = requester(store, COMMENTER).await?;

    let (version, current) = lexicon.concept("ping-test", None).await.map_err(failed)?;
    let mut change = ConceptDraft::from(&current);
    for language in &mut change.languages {
        match language.lang.as_str() {
            "en" => language.terms.push(term("reachability test", "admitted")),
            "ar" => language
                .terms
                .push(term("اختبار إمكانية الاتصال", "proposed")),
            _ => {}
        }
    }
    let proposal = lexicon
        .propose(
            &pak,
            &change,
            Some(version.version),
            "The annual progress report's wording is used by several missions; the Arabic \
             wording is the one our capital uses.",
        )
        .await
        .map_err(failed)?;
    lexicon
        .comment(
            &fra,
            proposal.id,
            "Agreed for English. For Arabic, could the secretariat check the official text of \
             A/78/265 first?",
        )
        .await
        .map_err(failed)?;

    let new = ConceptDraft {
        id: "coordinated-vulnerability-disclosure".into(),
        domain: "technical".into(),
        related: vec![
            "responsible-vulnerability-reporting".into(),
            "vulnerability".into(),
        ],
        languages: vec![
            LanguageDraft {
                lang: "en".into(),
                definition: "A process in which a finder, a vendor and a coordinator share \
                             information about a vulnerability so that it is fixed before it \
                             is made public."
                    .into(),
                source: "ISO/IEC 29147 (paraphrase)".into(),
                note: String::new(),
                terms: vec![term("coordinated vulnerability disclosure", "proposed")],
            },
            LanguageDraft {
                lang: "fr".into(),
                definition: String::new(),
                source: String::new(),
                note: String::new(),
                terms: vec![term(
                    "divulgation coordonnée des vulnérabilités",
                    "proposed",
                )],
            },
        ],
    };
    lexicon
        .propose(
            &fra,
            &new,
            None,
            "Our national CERT's policy uses this term; norm (j) speaks of responsible reporting.",
        )
        .await
        .map_err(failed)?;
    Ok(())
}
