//! The links of the page frame. Each capability puts its pages in the nav
//! as it registers their routes ([`Routes::nav_page`]); a link shows when
//! the access policy lets the reader follow it.
//!
//! [`Routes::nav_page`]: crate::http::routes::Routes::nav_page

use crate::http::identity::SignedIn;
use crate::state::AppState;
use pocdir_domain::account::AccountKind;
use pocdir_domain::policy::{decide, Action, Actor, Decision};
use pocdir_i18n::Translator;
use std::future::Future;
use std::pin::Pin;

/// A count shown beside a nav link (what awaits the reader there), as its
/// capability counts it; None shows nothing.
pub type NavCounter = for<'a> fn(
    &'a AppState,
    &'a SignedIn,
) -> Pin<Box<dyn Future<Output = Option<i64>> + Send + 'a>>;

/// A link's count: how to count, and the message (with `$count`) that
/// says what is counted, for screen readers and the tooltip.
#[derive(Clone, Copy)]
pub struct NavCount {
    pub counter: NavCounter,
    pub label_id: &'static str,
}

impl std::fmt::Debug for NavCount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NavCount")
            .field("label_id", &self.label_id)
            .finish()
    }
}

/// Where in the frame a link sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NavArea {
    /// The main bar, after the language links.
    Main,
    /// The account corner, before the account's own link and signing out.
    Account,
}

/// How a page appears in the nav: where, at which position within its area
/// (lower first), and under which message id, which is also the link's
/// element id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavLink {
    pub area: NavArea,
    pub order: u16,
    pub label_id: &'static str,
    /// Kinds of account that may follow the link but are not shown it:
    /// their header is full, and their home leads there instead.
    pub not_for: &'static [AccountKind],
}

impl NavLink {
    pub const fn main(order: u16, label_id: &'static str) -> Self {
        NavLink {
            area: NavArea::Main,
            order,
            label_id,
            not_for: &[],
        }
    }

    pub const fn account(order: u16, label_id: &'static str) -> Self {
        NavLink {
            area: NavArea::Account,
            order,
            label_id,
            not_for: &[],
        }
    }

    /// The same link, not shown to `kinds`.
    pub const fn not_for(mut self, kinds: &'static [AccountKind]) -> Self {
        self.not_for = kinds;
        self
    }
}

#[derive(Debug, Clone)]
struct NavEntry {
    link: NavLink,
    href: &'static str,
    /// The page's own action: the link shows exactly when the page would open.
    action: Action,
    count: Option<NavCount>,
}

/// Every page in the nav, in the order the frame shows them.
#[derive(Debug, Clone, Default)]
pub struct Nav {
    entries: Vec<NavEntry>,
}

impl Nav {
    pub fn add(&mut self, link: NavLink, href: &'static str, action: Action) {
        self.add_counted(link, href, action, None);
    }

    /// A link with a count beside it.
    pub fn add_counted(
        &mut self,
        link: NavLink,
        href: &'static str,
        action: Action,
        count: Option<NavCount>,
    ) {
        self.entries.push(NavEntry {
            link,
            href,
            action,
            count,
        });
        // Stable: links at the same position keep the order they were added in.
        self.entries.sort_by_key(|e| (e.link.area, e.link.order));
    }

    /// The links of `area` that `actor` may follow, labelled in `tr`'s language.
    pub fn shown(&self, area: NavArea, actor: Option<&Actor>, tr: &Translator) -> Vec<ShownLink> {
        self.entries
            .iter()
            .filter(|e| e.link.area == area && decide(actor, e.action) == Decision::Allow)
            .filter(|e| !actor.is_some_and(|a| e.link.not_for.contains(&a.kind)))
            .map(|e| ShownLink {
                href: e.href,
                id: e.link.label_id,
                label: tr.t(e.link.label_id),
                count: None,
            })
            .collect()
    }

    /// Counts the shown links that have a count, for `who` (one call per
    /// counted link; a count of zero shows nothing).
    pub async fn count(
        &self,
        links: &mut [ShownLink],
        state: &AppState,
        who: &SignedIn,
        tr: &Translator,
    ) {
        for link in links.iter_mut() {
            let Some(count) = self
                .entries
                .iter()
                .find(|e| e.href == link.href)
                .and_then(|e| e.count)
            else {
                continue;
            };
            if let Some(n) = (count.counter)(state, who).await.filter(|n| *n > 0) {
                link.count = Some((n, tr.tn(count.label_id, "count", n)));
            }
        }
    }
}

/// One link as the frame renders it.
#[derive(Debug, Clone)]
pub struct ShownLink {
    pub href: &'static str,
    pub id: &'static str,
    pub label: String,
    /// The count beside it and what it says in words.
    pub count: Option<(i64, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use pocdir_i18n::Lang;

    #[test]
    fn links_show_in_order_and_as_the_policy_allows() {
        let mut nav = Nav::default();
        nav.add(
            NavLink::main(20, "nav-directory"),
            "/directory",
            Action::ReadDirectory,
        );
        nav.add(
            NavLink::account(10, "nav-audit"),
            "/audit",
            Action::AuditLog,
        );
        nav.add(
            NavLink::main(10, "nav-participants"),
            "/participants",
            Action::ViewPublic,
        );
        let tr = Translator::new(Lang::En);
        let anonymous: Vec<_> = nav
            .shown(NavArea::Main, None, &tr)
            .into_iter()
            .map(|l| l.href)
            .collect();
        assert_eq!(anonymous, ["/participants"]);
        assert!(nav.shown(NavArea::Account, None, &tr).is_empty());
    }

    #[test]
    fn a_link_is_not_shown_to_the_kinds_it_leaves_out() {
        let mut nav = Nav::default();
        nav.add(
            NavLink::main(26, "nav-reports").not_for(&[AccountKind::Secretariat]),
            "/reports",
            Action::ReadReports,
        );
        let tr = Translator::new(Lang::En);
        let shown = |kind: AccountKind| {
            let actor = Actor {
                account_id: 1,
                kind,
                participant: None,
                scopes: pocdir_domain::policy::Scopes::ALL,
            };
            nav.shown(NavArea::Main, Some(&actor), &tr).len()
        };
        assert_eq!(shown(AccountKind::Reporter), 1);
        assert_eq!(shown(AccountKind::Secretariat), 0);
    }
}
