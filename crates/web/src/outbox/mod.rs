//! The outbox: mail waiting to be sent, sent, or failed (the secretariat).

pub mod page;

use crate::http::nav::NavLink;
use crate::http::routes::Routes;
use pocdir_domain::policy::Action::ViewOutbox;

pub fn routes(routes: Routes) -> Routes {
    routes.nav_page(
        "/outbox",
        ViewOutbox,
        NavLink::main(50, "nav-outbox"),
        page::page,
    )
}
