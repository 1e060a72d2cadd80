//! Accounts managed in the portal: invitations (by the secretariat, and by
//! a nominator for its own State's PoCs) and the enrolment link they mail;
//! giving a verified PoC entry access; the secretariat's accounts pages
//! (disable, re-enable, reset the second factor, each with a reason);
//! "forgot password"; and the first password chosen by the account itself.
//! Pages and forms only: no API route.

pub mod admin;
pub mod enrol;
pub mod first_password;
pub mod invitations;
pub mod mail;
pub mod poc_access;
pub mod reset;

use crate::http::nav::NavLink;
use crate::http::routes::Routes;
use pocdir_domain::policy::Action::{InviteAccounts, ManageAccounts, SignIn, ViewAccounts};

pub fn routes(routes: Routes) -> Routes {
    routes
        // Invitations and the link they mail.
        .nav_page(
            "/invitations",
            InviteAccounts,
            NavLink::account(20, "nav-invitations"),
            invitations::list,
        )
        .get("/invitations/new", InviteAccounts, invitations::new_form)
        .post("/invitations", InviteAccounts, invitations::create)
        .post(
            "/invitations/{id}/revoke",
            InviteAccounts,
            invitations::revoke,
        )
        .get("/enrol/{token}", SignIn, enrol::form)
        .post("/enrol/{token}", SignIn, enrol::submit)
        // A verified PoC entry's access to the portal.
        .get("/pocs/{id}/access", InviteAccounts, poc_access::page)
        .post("/pocs/{id}/access/link", InviteAccounts, poc_access::link)
        .post(
            "/pocs/{id}/access/invite",
            InviteAccounts,
            poc_access::invite,
        )
        // The secretariat's accounts pages.
        .nav_page(
            "/accounts",
            ViewAccounts,
            NavLink::account(15, "nav-accounts"),
            admin::list,
        )
        .get("/accounts/{id}", ViewAccounts, admin::page)
        .post("/accounts/{id}/disable", ManageAccounts, admin::disable)
        .post("/accounts/{id}/enable", ManageAccounts, admin::enable)
        .post(
            "/accounts/{id}/reset-second-factor",
            ManageAccounts,
            admin::reset_second_factor,
        )
        // Forgot password, and the first password.
        .get("/login/forgot", SignIn, reset::forgot_form)
        .post("/login/forgot", SignIn, reset::forgot_submit)
        .get("/login/reset/{token}", SignIn, reset::reset_form)
        .post("/login/reset/{token}", SignIn, reset::reset_submit)
        .get(
            crate::http::routes::FIRST_PASSWORD_PATH,
            SignIn,
            first_password::form,
        )
        .post(
            crate::http::routes::FIRST_PASSWORD_PATH,
            SignIn,
            first_password::submit,
        )
}
