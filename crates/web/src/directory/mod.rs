//! The directory: participants (the States and organisations), their
//! points of contact (nomination, verification, changes, re-validation),
//! browsing and searching, and the exchange of entries (export, import).

pub mod decisions;
pub mod details;
pub mod exchange;
pub mod import_template;
pub mod nominations;
pub mod participants;
pub mod pocs;
pub mod search;
pub mod values;

use crate::http::nav::NavLink;
use crate::http::routes::{Route, RouteMethod, Routes};
use pocdir_domain::directory::participant::{ParticipantKind, ParticipationStatus};
use pocdir_domain::directory::poc::{PendingAction, PhoneDraft, PocDraft, PocRole, PocStatus};
use pocdir_domain::policy::Action::{
    DecidePocs, ExportDirectory, ImportPocs, ManageParticipants, NominatePocs, ReadDirectory,
    ReviewNominations, ViewPublic,
};
use pocdir_store::ParticipantNames;
use utoipa::OpenApi;

pub fn routes(routes: Routes) -> Routes {
    routes
        // Participants
        .nav_page(
            "/participants",
            ViewPublic,
            NavLink::main(10, "nav-participants"),
            participants::page,
        )
        .get("/api/v1/participants", ViewPublic, participants::list)
        .get("/api/v1/participants/{code}", ViewPublic, participants::one)
        .post(
            "/api/v1/participants",
            ManageParticipants,
            participants::create_organisation,
        )
        // Points of contact
        .get("/participants/{code}", ViewPublic, pocs::participant_page)
        .get(
            "/api/v1/participants/{code}/pocs",
            ReadDirectory,
            pocs::list,
        )
        .post(
            "/api/v1/participants/{code}/pocs",
            NominatePocs,
            pocs::nominate,
        )
        .get("/api/v1/pocs/pending", ReviewNominations, pocs::pending)
        // Export and import (literal segments win over `/api/v1/pocs/{id}`);
        // an import carries a whole file.
        .get("/api/v1/pocs/export", ExportDirectory, exchange::export)
        .route(
            Route::new(RouteMethod::Post, "/api/v1/pocs/import", ImportPocs)
                .body_limit(exchange::MAX_UPLOAD_BYTES),
            exchange::import_api,
        )
        .get("/directory/import", ImportPocs, exchange::import_form)
        .get(
            "/directory/import/template.csv",
            ImportPocs,
            import_template::import_template,
        )
        .route(
            Route::new(RouteMethod::Post, "/directory/import", ImportPocs)
                .body_limit(exchange::MAX_UPLOAD_BYTES),
            exchange::import_submit,
        )
        .post("/api/v1/pocs/{id}/decision", DecidePocs, pocs::decide)
        .post(
            "/api/v1/pocs/{id}/update",
            NominatePocs,
            pocs::propose_update,
        )
        .post(
            "/api/v1/pocs/{id}/withdraw",
            NominatePocs,
            pocs::propose_withdrawal,
        )
        .post("/api/v1/pocs/{id}/confirm", NominatePocs, pocs::confirm)
        // Browse and search, one PoC
        .nav_page(
            "/directory",
            ReadDirectory,
            NavLink::main(20, "nav-directory"),
            search::search_page,
        )
        .get("/api/v1/pocs", ReadDirectory, search::search_api)
        .get("/api/v1/pocs/{id}", ReadDirectory, search::one_api)
        .get("/pocs/{id}", ReadDirectory, search::poc_page)
        .nav_page(
            "/revalidation",
            ReadDirectory,
            NavLink::main(30, "nav-revalidation"),
            nominations::revalidation,
        )
        // Nomination and verification pages
        .get(
            "/participants/{code}/nominate",
            NominatePocs,
            nominations::nominate_form,
        )
        .post(
            "/participants/{code}/nominate",
            NominatePocs,
            nominations::nominate_submit,
        )
        .get("/pocs/{id}/edit", NominatePocs, nominations::edit_form)
        .post("/pocs/{id}/edit", NominatePocs, nominations::edit_submit)
        .get(
            "/pocs/{id}/withdraw",
            NominatePocs,
            decisions::withdraw_form,
        )
        .post(
            "/pocs/{id}/withdraw",
            NominatePocs,
            decisions::withdraw_submit,
        )
        .post(
            "/pocs/{id}/confirm",
            NominatePocs,
            nominations::confirm_submit,
        )
        .get("/pocs/{id}/reject", DecidePocs, decisions::reject_form)
        .post(
            "/pocs/{id}/decision",
            DecidePocs,
            decisions::decision_submit,
        )
        .nav_page(
            "/nominations",
            ReviewNominations,
            NavLink::main(40, "nav-nominations"),
            nominations::queue,
        )
}

#[derive(OpenApi)]
#[openapi(
    paths(
        participants::list,
        participants::one,
        participants::create_organisation,
        pocs::list,
        pocs::nominate,
        pocs::pending,
        pocs::decide,
        pocs::propose_update,
        pocs::propose_withdrawal,
        pocs::confirm,
        search::search_api,
        search::one_api,
        exchange::export,
        exchange::import_api,
    ),
    components(schemas(
        participants::ParticipantBody,
        participants::NewOrganisation,
        pocs::PocBody,
        search::DirectorySearchBody,
        search::DirectoryEntryBody,
        pocs::PocListBody,
        exchange::ImportReport,
        exchange::ImportProblemBody,
        pocs::DecisionRequest,
        pocs::PocChange,
        PocDraft,
        PhoneDraft,
        PocRole,
        PocStatus,
        PendingAction,
        ParticipantNames,
        ParticipantKind,
        ParticipationStatus,
    ))
)]
struct DirectoryApi;

/// This capability's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    DirectoryApi::openapi()
}
