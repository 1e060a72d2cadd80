//! Signing in (password, then the second factor: a TOTP code, a security
//! key or a recovery code; or TOTP enrolment) and out.

pub mod key_challenge;
pub mod pages;
pub mod passkey;
pub mod totp_qr;

use crate::http::routes::Routes;
use pocdir_domain::policy::Action::{SignIn, ViewPublic};

pub fn routes(routes: Routes) -> Routes {
    routes
        .get("/login", SignIn, pages::login_form)
        .post("/login", SignIn, pages::login_submit)
        .get("/login/mfa", SignIn, pages::mfa_form)
        .post("/login/mfa", SignIn, pages::mfa_submit)
        .post("/login/security-key", SignIn, passkey::submit)
        .get("/static/security-key.js", ViewPublic, passkey::script)
        .get("/login/enrol", SignIn, pages::enrol_form)
        .post("/login/enrol", SignIn, pages::enrol_submit)
        .post("/logout", SignIn, pages::logout)
}
