//! The public page, for whoever is not signed in: who takes part, as a
//! world map drawn on the server and as a list by region with counts, and
//! how a State joins. Nothing on it is confidential: which participants
//! take part is public by design (the PoCs themselves are not).

use crate::home::map::{self, DrawnCountry};
use crate::http::error::AppError;
use crate::http::page::{render, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A participant in the list.
pub struct Member {
    pub code: String,
    pub name: String,
}

/// One region of the list (organisations have a group of their own).
pub struct RegionGroup {
    pub label: String,
    pub members: Vec<Member>,
}

#[derive(Template)]
#[template(path = "home/public.html")]
pub struct PublicPage {
    pub page: PageCtx,
    pub view_box: &'static str,
    pub countries: Vec<DrawnCountry>,
    pub regions: Vec<RegionGroup>,
    pub total: usize,
    pub eligible: usize,
}

pub async fn page(state: &AppState, page: PageCtx) -> Result<Response, AppError> {
    let lang = page.lang.code();
    let all = state.store.participants().await?;
    let eligible = all.len();
    let taking_part: Vec<_> = all.into_iter().filter(|p| p.status.takes_part()).collect();
    let on_map: HashSet<String> = taking_part.iter().filter_map(|p| p.m49.clone()).collect();
    let names: HashMap<String, String> = taking_part
        .iter()
        .filter_map(|p| Some((p.m49.clone()?, p.names.in_language(lang).to_string())))
        .collect();
    let countries = map::draw(&on_map, |m49| names.get(m49).cloned());

    // By region, in the order of the region's name; organisations last.
    let mut by_region: BTreeMap<(bool, String), Vec<Member>> = BTreeMap::new();
    for p in &taking_part {
        let key = if p.region.is_empty() {
            (true, page.t("public-organisations"))
        } else {
            (false, page.region(&p.region))
        };
        by_region.entry(key).or_default().push(Member {
            code: p.code.clone(),
            name: p.names.in_language(lang).to_string(),
        });
    }
    let regions = by_region
        .into_iter()
        .map(|((_, label), mut members)| {
            members.sort_by(|a, b| a.name.cmp(&b.name));
            RegionGroup { label, members }
        })
        .collect();
    Ok(render(
        StatusCode::OK,
        &PublicPage {
            view_box: map::world().view_box,
            countries,
            regions,
            total: taking_part.len(),
            eligible,
            page,
        },
    ))
}
