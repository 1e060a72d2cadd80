//! Capacity building: a participating State files a request (areas from
//! the fixed taxonomy, languages, format, deadline, funding, who may see
//! it); providers (States and organisations) see the requests they may,
//! filter them and offer; the requester selects an offer; the secretariat
//! acknowledges requests within 5 working days and confirms matches; the
//! match is followed up after 6 and 12 months. The pages are in
//! `pages.rs`, the JSON API in `api.rs`, the one use case both call in
//! `steps.rs`; the rules are the domain's (`capacity::`, and
//! `policy::capacity_view` for what each reader sees).

pub mod api;
pub mod figures;
pub mod funding;
pub mod pages;
pub mod readiness;
pub mod steps;

use crate::http::routes::Routes;

pub fn routes(routes: Routes) -> Routes {
    use pocdir_domain::policy::Action::{
        CoordinateCapacityBuilding, FundCapacityBuilding, OfferCapacityBuilding,
        ReadCapacityBuilding, ReadCapacityFigures, RequestCapacityBuilding,
    };
    routes
        // The pages (pages.rs).
        // Reached from each home (`#home-capacity`): the main navigation
        // is full at 1366 pixels in French, Spanish and Russian.
        .get("/capacity", ReadCapacityBuilding, pages::list)
        .get(
            "/capacity/requests/new",
            RequestCapacityBuilding,
            pages::new_form,
        )
        .post("/capacity/requests", RequestCapacityBuilding, pages::file)
        .get("/capacity/requests/{id}", ReadCapacityBuilding, pages::one)
        .post(
            "/capacity/requests/{id}/offers",
            OfferCapacityBuilding,
            pages::offer,
        )
        .post(
            "/capacity/offers/{id}/withdraw",
            OfferCapacityBuilding,
            pages::withdraw_offer,
        )
        .post(
            "/capacity/requests/{id}/select",
            RequestCapacityBuilding,
            pages::select,
        )
        .post(
            "/capacity/requests/{id}/withdraw",
            RequestCapacityBuilding,
            pages::withdraw,
        )
        .post(
            "/capacity/requests/{id}/follow-ups",
            RequestCapacityBuilding,
            pages::follow_up,
        )
        .post(
            "/capacity/requests/{id}/acknowledge",
            CoordinateCapacityBuilding,
            pages::acknowledge,
        )
        .post(
            "/capacity/requests/{id}/confirm",
            CoordinateCapacityBuilding,
            pages::confirm,
        )
        // Funding (funding.rs).
        .get("/capacity/funding", ReadCapacityBuilding, funding::page)
        .post(
            "/capacity/funding",
            FundCapacityBuilding,
            funding::fund_area,
        )
        .post(
            "/capacity/requests/{id}/funding",
            FundCapacityBuilding,
            funding::fund_request,
        )
        // Readiness (readiness.rs).
        .get("/capacity/readiness", ReadCapacityBuilding, readiness::page)
        .post(
            "/capacity/readiness",
            RequestCapacityBuilding,
            readiness::assess,
        )
        .post(
            "/capacity/readiness/requests",
            RequestCapacityBuilding,
            readiness::request_for_gap,
        )
        .get(
            "/api/v1/capacity/readiness",
            ReadCapacityBuilding,
            readiness::api_get,
        )
        .post(
            "/api/v1/capacity/readiness",
            RequestCapacityBuilding,
            readiness::api_assess,
        )
        // Figures (figures.rs).
        .get("/capacity/figures", ReadCapacityFigures, figures::page)
        .get("/capacity/figures.csv", ReadCapacityFigures, figures::csv)
        .get(
            "/api/v1/capacity/figures",
            ReadCapacityFigures,
            figures::json,
        )
        // The JSON API (api.rs).
        .get("/api/v1/capacity/requests", ReadCapacityBuilding, api::list)
        .post(
            "/api/v1/capacity/requests",
            RequestCapacityBuilding,
            api::file,
        )
        .get(
            "/api/v1/capacity/requests/{id}",
            ReadCapacityBuilding,
            api::one,
        )
        .post(
            "/api/v1/capacity/requests/{id}/offers",
            OfferCapacityBuilding,
            api::offer,
        )
        .post(
            "/api/v1/capacity/requests/{id}/select",
            RequestCapacityBuilding,
            api::select,
        )
        .post(
            "/api/v1/capacity/requests/{id}/follow-ups",
            RequestCapacityBuilding,
            api::follow_up,
        )
        .post(
            "/api/v1/capacity/requests/{id}/acknowledge",
            CoordinateCapacityBuilding,
            api::acknowledge,
        )
        .post(
            "/api/v1/capacity/requests/{id}/confirm",
            CoordinateCapacityBuilding,
            api::confirm,
        )
        .get(
            "/api/v1/capacity/funding",
            ReadCapacityBuilding,
            api::funding,
        )
        .post(
            "/api/v1/capacity/funding",
            FundCapacityBuilding,
            api::fund_area,
        )
        .post(
            "/api/v1/capacity/requests/{id}/funding",
            FundCapacityBuilding,
            api::fund_request,
        )
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    let mut doc = api::openapi();
    doc.merge(figures::openapi());
    doc.merge(readiness::openapi());
    doc
}
