//! The pages of e-learning: the modules with one's progress
//! (`/learning`), a module's lessons and quiz, a lesson, an attempt (the
//! questions while it is open, the result once graded), the secretariat's
//! uploads (`/learning/manage`), and the public certificate and its check.

use super::service::{problem_place, Learning, LearningFailure, ModuleVersion, Progress};
use crate::accounts::mail::mail_time;
use crate::http::error::AppError;
use crate::http::extract::{FormData, MultipartForm, PathParams};
use crate::http::identity::SignedIn;
use crate::http::page::{render, safe_next, see_other, see_other_done, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pocdir_domain::account::AccountKind;
use pocdir_domain::learning::{lesson, Certificate, CertificateRefusal};
use pocdir_store::QuizAttempt;

pub fn learning(state: &AppState) -> Learning<'_> {
    Learning {
        store: state.store.as_ref(),
        clock: state.clock.as_ref(),
        entropy: state.entropy.as_ref(),
        log: state.log.as_ref(),
        base_url: &state.config.base_url,
    }
}

/// One module as the list shows it.
pub struct ModuleLine {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub lang: String,
    pub version: u32,
    pub lessons: usize,
    pub read: usize,
    pub best: String,
    pub certificate: Option<String>,
}

fn module_line(page: &PageCtx, m: &ModuleVersion, p: Option<&Progress>) -> ModuleLine {
    let (lang, text) = m
        .module
        .text(page.lang_code())
        .map(|(l, t)| (l.to_owned(), Some(t)))
        .unwrap_or_default();
    let read = p.map_or(0, |p| {
        m.module
            .lessons
            .iter()
            .filter(|l| p.lessons_read.contains(l))
            .count()
    });
    ModuleLine {
        slug: m.module.slug.clone(),
        title: text.map(|t| t.title.clone()).unwrap_or_default(),
        summary: text.map(|t| t.summary.clone()).unwrap_or_default(),
        lang,
        version: m.version,
        lessons: m.module.lessons.len(),
        read,
        best: p
            .and_then(|p| p.best_percent)
            .map(|b| format!("{b} %"))
            .unwrap_or_default(),
        certificate: p.and_then(|p| p.certificate.as_ref()).map(|c| c.id.clone()),
    }
}

#[derive(Template)]
#[template(path = "learning/list.html")]
struct ListPage {
    page: PageCtx,
    modules: Vec<ModuleLine>,
    manages: bool,
}

/// `GET /learning`.
pub async fn list(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
) -> Result<Response, AppError> {
    let svc = learning(&state);
    let progress = svc.progress(me.account.id).await?;
    let modules = svc
        .modules()
        .await?
        .iter()
        .map(|m| module_line(&page, m, progress.get(&m.module.slug)))
        .collect();
    Ok(render(
        StatusCode::OK,
        &ListPage {
            page,
            modules,
            manages: me.actor.kind == AccountKind::Secretariat,
        },
    ))
}

pub struct LessonLink {
    pub key: String,
    pub title: String,
    pub read: bool,
}

#[derive(Template)]
#[template(path = "learning/module.html")]
struct ModulePage {
    page: PageCtx,
    line: ModuleLine,
    lessons: Vec<LessonLink>,
    mastery: u8,
    minutes: u32,
    questions: usize,
    open_attempt: Option<i64>,
}

impl ModulePage {
    fn question_count(&self) -> i64 {
        i64::try_from(self.questions).unwrap_or(i64::MAX)
    }
    fn minute_count(&self) -> i64 {
        i64::from(self.minutes)
    }
    fn mastery_percent(&self) -> i64 {
        i64::from(self.mastery)
    }
}

/// `GET /learning/{slug}`.
pub async fn module(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(slug): PathParams<String>,
) -> Result<Response, AppError> {
    let svc = learning(&state);
    let m = svc.module(&slug, None).await?;
    let progress = svc.progress(me.account.id).await?.remove(&slug);
    let line = module_line(&page, &m, progress.as_ref());
    let text = m.module.text(page.lang_code()).map(|(_, t)| t);
    let lessons = m
        .module
        .lessons
        .iter()
        .zip(text.map(|t| t.lessons.as_slice()).unwrap_or_default())
        .map(|(key, l)| LessonLink {
            key: key.clone(),
            title: l.title.clone(),
            read: progress
                .as_ref()
                .is_some_and(|p| p.lessons_read.contains(key)),
        })
        .collect();
    Ok(render(
        StatusCode::OK,
        &ModulePage {
            page,
            line,
            lessons,
            mastery: m.module.mastery_percent,
            minutes: m.module.quiz_minutes,
            questions: m.module.answers.len(),
            open_attempt: progress
                .and_then(|p| p.open_attempt)
                .filter(|a| a.version == m.version)
                .map(|a| a.id),
        },
    ))
}

#[derive(Template)]
#[template(path = "learning/lesson.html")]
struct LessonPage {
    page: PageCtx,
    slug: String,
    module_title: String,
    key: String,
    title: String,
    lang: String,
    /// Rendered by `lesson::render`: raw HTML escaped, no images, safe links.
    html: String,
    number: usize,
    count: usize,
    read: bool,
}

/// `GET /learning/{slug}/lessons/{lesson}`.
pub async fn lesson_page(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams((slug, key)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    let svc = learning(&state);
    let m = svc.module(&slug, None).await?;
    let index = m
        .module
        .lessons
        .iter()
        .position(|l| *l == key)
        .ok_or_else(AppError::not_found)?;
    let (lang, text) = m
        .module
        .text(page.lang_code())
        .ok_or_else(AppError::not_found)?;
    let l = text.lessons.get(index).ok_or_else(AppError::not_found)?;
    let read = svc
        .progress(me.account.id)
        .await?
        .get(&slug)
        .is_some_and(|p| p.lessons_read.contains(&key));
    let p = LessonPage {
        slug: slug.clone(),
        module_title: text.title.clone(),
        key,
        title: l.title.clone(),
        lang: lang.to_owned(),
        html: lesson::render(&l.markdown),
        number: index + 1,
        count: m.module.lessons.len(),
        read,
        page,
    };
    Ok(render(StatusCode::OK, &p))
}

/// `POST /learning/{slug}/lessons/{lesson}/read`: notes the lesson read
/// and goes on to the next one (or back to the module after the last).
pub async fn mark_read(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams((slug, key)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    let svc = learning(&state);
    svc.mark_read(me.account.id, &slug, &key).await?;
    let m = svc.module(&slug, None).await?;
    let next = m
        .module
        .lessons
        .iter()
        .skip_while(|l| **l != key)
        .nth(1)
        .map(|n| format!("/learning/{slug}/lessons/{n}"))
        .unwrap_or_else(|| format!("/learning/{slug}"));
    Ok(see_other(&safe_next(Some(&next), "/learning")))
}

/// `POST /learning/{slug}/quiz`: opens an attempt (or goes back to the
/// one open).
pub async fn open_quiz(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(slug): PathParams<String>,
) -> Result<Response, AppError> {
    let attempt = learning(&state)
        .open_quiz(me.account.id, &slug, page.lang_code())
        .await?;
    Ok(see_other(&safe_next(
        Some(&format!("/learning/attempts/{}", attempt.id)),
        "/learning",
    )))
}

pub struct QuestionView {
    pub number: usize,
    pub text: String,
    pub choices: Vec<(usize, String, bool)>,
}

#[derive(Template)]
#[template(path = "learning/attempt.html")]
struct AttemptPage {
    page: PageCtx,
    id: i64,
    slug: String,
    title: String,
    lang: String,
    deadline: String,
    open: bool,
    questions: Vec<QuestionView>,
    mastery: u8,
    /// Graded: correct, total, percent, passed.
    result: Option<(u32, u32, u8, bool)>,
    certificate: Option<String>,
    error: String,
}

async fn attempt_page(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    id: i64,
    given: &[u8],
    refused: Option<(StatusCode, String)>,
) -> Result<Response, AppError> {
    let svc = learning(state);
    let attempt: QuizAttempt = state
        .store
        .quiz_attempt(id)
        .await?
        .filter(|a| a.account_id == me.account.id)
        .ok_or_else(AppError::not_found)?;
    let m = svc.module(&attempt.slug, Some(attempt.version)).await?;
    let (lang, text) = m
        .module
        .text(&attempt.language)
        .ok_or_else(AppError::not_found)?;
    let certificate = match attempt.grade {
        Some(g) if g.passed => state
            .store
            .learning_certificates(Some(me.account.id))
            .await?
            .into_iter()
            .find(|c| c.attempt_id == id)
            .map(|c| c.id),
        _ => None,
    };
    let open = attempt.grade.is_none() && attempt.deadline_at >= state.clock.now();
    let questions = text
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| QuestionView {
            number: i + 1,
            text: q.text.clone(),
            choices: q
                .choices
                .iter()
                .enumerate()
                .map(|(c, t)| {
                    let chosen = given.get(i).is_some_and(|g| usize::from(*g) == c + 1);
                    (c + 1, t.clone(), chosen)
                })
                .collect(),
        })
        .collect();
    let (status, error) = refused.unwrap_or((StatusCode::OK, String::new()));
    let p = AttemptPage {
        id,
        slug: attempt.slug.clone(),
        title: text.title.clone(),
        lang: lang.to_owned(),
        deadline: mail_time(attempt.deadline_at),
        open,
        questions,
        mastery: m.module.mastery_percent,
        result: attempt
            .grade
            .map(|g| (g.correct, g.total, g.percent, g.passed)),
        certificate,
        error,
        page,
    };
    Ok(render(status, &p))
}

/// `GET /learning/attempts/{id}`: the questions, or the result.
pub async fn attempt(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    attempt_page(&state, page, &me, id, &[], None).await
}

/// `POST /learning/attempts/{id}`: the answers (`q1` … `qN`, each the
/// number of a choice).
pub async fn answer(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let mut given: Vec<(usize, u8)> = form
        .iter()
        .filter_map(|(k, v)| {
            let n: usize = k.strip_prefix('q')?.parse().ok()?;
            Some((n, v.parse().ok()?))
        })
        .collect();
    given.sort_unstable();
    given.dedup_by_key(|(n, _)| *n);
    // A question left out leaves a hole the grading refuses.
    let mut sheet = Vec::new();
    for (expected, (n, v)) in (1..).zip(&given) {
        if *n != expected {
            sheet.push(0);
        }
        sheet.push(*v);
    }
    let holder = me.account.display_name.clone();
    match learning(&state)
        .answer(&me.requester(), &holder, id, &sheet)
        .await
    {
        Ok(_) => Ok(see_other_done(
            &safe_next(Some(&format!("/learning/attempts/{id}")), "/learning"),
            "done-learning-graded",
        )),
        Err(LearningFailure::Quiz(r)) => {
            let status = match r {
                pocdir_domain::learning::QuizRefusal::Incomplete => {
                    StatusCode::UNPROCESSABLE_ENTITY
                }
                _ => StatusCode::CONFLICT,
            };
            let error = page.t(r.message_id());
            attempt_page(&state, page, &me, id, &sheet, Some((status, error))).await
        }
        Err(e) => Err(e.into()),
    }
}

pub struct VersionLine {
    pub version: u32,
    pub at: String,
    pub sha: String,
}

pub struct ManagedModule {
    pub line: ModuleLine,
    pub languages: String,
    pub versions: Vec<VersionLine>,
}

#[derive(Template)]
#[template(path = "learning/manage.html")]
struct ManagePage {
    page: PageCtx,
    modules: Vec<ManagedModule>,
    problems: Vec<String>,
}

async fn manage_page(
    state: &AppState,
    page: PageCtx,
    status: StatusCode,
    problems: Vec<String>,
) -> Result<Response, AppError> {
    let svc = learning(state);
    let mut modules = Vec::new();
    for m in svc.modules().await? {
        let versions = state
            .store
            .learning_module_versions(&m.module.slug)
            .await?
            .into_iter()
            .map(|v| VersionLine {
                version: v.version,
                at: mail_time(v.uploaded_at),
                sha: v.content_sha256.chars().take(16).collect(),
            })
            .collect();
        modules.push(ManagedModule {
            languages: m.module.texts.keys().cloned().collect::<Vec<_>>().join(" "),
            line: module_line(&page, &m, None),
            versions,
        });
    }
    Ok(render(
        status,
        &ManagePage {
            page,
            modules,
            problems,
        },
    ))
}

/// `GET /learning/manage`: the modules, their versions and the upload form.
pub async fn manage(State(state): State<AppState>, page: PageCtx) -> Result<Response, AppError> {
    manage_page(&state, page, StatusCode::OK, Vec::new()).await
}

/// `POST /learning/modules`: a module's files (a folder, or the files
/// chosen together) become its next version, or every problem is shown.
pub async fn upload(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    form: MultipartForm,
) -> Result<Response, AppError> {
    let files = form.files("files");
    match learning(&state).upload(&me.requester(), &files).await {
        Ok(m) => Ok(see_other_done(
            &safe_next(Some(&format!("/learning/{}", m.module.slug)), "/learning"),
            "done-learning-uploaded",
        )),
        Err(LearningFailure::Module(problems)) => {
            let lines = problems
                .iter()
                .map(|p| format!("{}: {}", problem_place(p), page.t(p.message_id)))
                .collect();
            manage_page(&state, page, StatusCode::UNPROCESSABLE_ENTITY, lines).await
        }
        Err(LearningFailure::Concurrent) => {
            let line = page.t("learning-upload-concurrent");
            manage_page(&state, page, StatusCode::CONFLICT, vec![line]).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "learning/certificate.html")]
struct CertificatePage {
    page: PageCtx,
    c: Certificate,
    valid: bool,
    json: String,
}

/// `GET /certificates/{id}`: the printable certificate, checked.
pub async fn certificate(
    State(state): State<AppState>,
    page: PageCtx,
    PathParams(id): PathParams<String>,
) -> Result<Response, AppError> {
    if !pocdir_domain::learning::certificate::is_id(&id) {
        return Err(AppError::bad_request("error-bad-path"));
    }
    let svc = learning(&state);
    let c = svc.certificate(&id).await?;
    let valid = svc.verify(&c).await?.is_ok();
    let json = c.to_json();
    Ok(render(
        StatusCode::OK,
        &CertificatePage {
            page,
            c,
            valid,
            json,
        },
    ))
}

#[derive(Template)]
#[template(path = "learning/verify.html")]
struct VerifyPage {
    page: PageCtx,
    text: String,
    /// None before a check; the certificate checked and the refusal's words.
    outcome: Option<(Option<Certificate>, String)>,
}

/// `GET /certificates/verify`: the form to check a certificate.
pub async fn verify_form(page: PageCtx) -> Result<Response, AppError> {
    Ok(render(
        StatusCode::OK,
        &VerifyPage {
            page,
            text: String::new(),
            outcome: None,
        },
    ))
}

#[derive(serde::Deserialize)]
pub struct VerifyForm {
    #[serde(default)]
    certificate: String,
}

/// `POST /certificates/verify`: checks a pasted certificate (its JSON).
pub async fn verify(
    State(state): State<AppState>,
    page: PageCtx,
    FormData(form): FormData<VerifyForm>,
) -> Result<Response, AppError> {
    let read = Certificate::from_json(form.certificate.trim().as_bytes());
    let checked = match &read {
        Ok(c) => learning(&state).verify(c).await?,
        Err(r) => Err(*r),
    };
    let (status, outcome) = match checked {
        Ok(()) => (StatusCode::OK, (read.ok(), String::new())),
        Err(r) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            (
                read.ok().filter(|_| r != CertificateRefusal::Unreadable),
                page.t(r.message_id()),
            ),
        ),
    };
    Ok(render(
        status,
        &VerifyPage {
            text: form.certificate,
            outcome: Some(outcome),
            page,
        },
    ))
}
