//! The route registry. Every route is registered through [`Routes`], which
//! attaches the access-policy guard for the route's [`Action`], records a
//! [`RouteSpec`] (so that tests can walk every route that exists), the
//! route's body limit and, for a page in the nav, its link.

use crate::http::body_limit::BodyLimits;
use crate::http::error::{is_machine_path, AppError};
use crate::http::identity::{PasswordChangeDue, SessionEnded, SignedIn};
use crate::http::nav::{Nav, NavCount, NavLink};
use crate::state::AppState;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::handler::Handler;
use axum::http::Method;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{on, MethodFilter};
use axum::Router;
use pocdir_domain::policy::{decide, Action, Decision};
use pocdir_domain::redirect::LocalTarget;
use tower::ServiceBuilder;

/// One registered route: what the access-matrix test iterates over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteSpec {
    pub method: Method,
    pub path: &'static str,
    pub action: Action,
}

/// The methods a route may answer, each matched exactly. A method that is
/// not here cannot be registered: the code would not compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteMethod {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl RouteMethod {
    fn filter(self) -> MethodFilter {
        match self {
            RouteMethod::Get => MethodFilter::GET,
            RouteMethod::Post => MethodFilter::POST,
            RouteMethod::Put => MethodFilter::PUT,
            RouteMethod::Patch => MethodFilter::PATCH,
            RouteMethod::Delete => MethodFilter::DELETE,
        }
    }

    pub fn method(self) -> Method {
        match self {
            RouteMethod::Get => Method::GET,
            RouteMethod::Post => Method::POST,
            RouteMethod::Put => Method::PUT,
            RouteMethod::Patch => Method::PATCH,
            RouteMethod::Delete => Method::DELETE,
        }
    }
}

/// A route to register: its method, path, policy action and body limit.
#[derive(Debug, Clone, Copy)]
pub struct Route {
    method: RouteMethod,
    path: &'static str,
    action: Action,
    /// `None`: the configured limit for every small body (forms and JSON).
    body_limit: Option<usize>,
}

impl Route {
    pub fn new(method: RouteMethod, path: &'static str, action: Action) -> Self {
        Route {
            method,
            path,
            action,
            body_limit: None,
        }
    }

    /// Takes bodies up to `bytes` instead of the configured limit (an upload).
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.body_limit = Some(bytes);
        self
    }
}

/// Every route of the application, registered by each capability in turn.
pub struct Routes {
    router: Router<AppState>,
    specs: Vec<RouteSpec>,
    limits: BodyLimits,
    nav: Nav,
    state: AppState,
}

/// What [`Routes`] built: the router (without the app-wide layers), the
/// route list, each route's body limit and the nav.
pub struct BuiltRoutes {
    pub router: Router<AppState>,
    pub specs: Vec<RouteSpec>,
    pub limits: BodyLimits,
    pub nav: Nav,
}

impl Routes {
    pub fn new(state: &AppState) -> Self {
        Routes {
            router: Router::new(),
            specs: Vec::new(),
            limits: BodyLimits::new(state.config.max_body_bytes),
            nav: Nav::default(),
            state: state.clone(),
        }
    }

    /// Registers `handler` behind the policy guard for `route.action`.
    pub fn route<H, T>(mut self, route: Route, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let method = route.method.method();
        let limit = route.body_limit.unwrap_or(self.limits.standard());
        // One layer, not two: each costs every request a boxed clone.
        // A route layer: another method on the path is still a 405 for all.
        let guarded = on(route.method.filter(), handler).route_layer(
            ServiceBuilder::new()
                .layer(DefaultBodyLimit::max(limit))
                .layer(middleware::from_fn_with_state(
                    (self.state.clone(), route.action),
                    guard,
                )),
        );
        self.router = self.router.route(route.path, guarded);
        self.limits.add(route.path, method.clone(), limit);
        self.specs.push(RouteSpec {
            method,
            path: route.path,
            action: route.action,
        });
        self
    }

    pub fn get<H, T>(self, path: &'static str, action: Action, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.route(Route::new(RouteMethod::Get, path, action), handler)
    }

    pub fn post<H, T>(self, path: &'static str, action: Action, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.route(Route::new(RouteMethod::Post, path, action), handler)
    }

    pub fn put<H, T>(self, path: &'static str, action: Action, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.route(Route::new(RouteMethod::Put, path, action), handler)
    }

    pub fn patch<H, T>(self, path: &'static str, action: Action, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.route(Route::new(RouteMethod::Patch, path, action), handler)
    }

    pub fn delete<H, T>(self, path: &'static str, action: Action, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.route(Route::new(RouteMethod::Delete, path, action), handler)
    }

    /// A page (GET) that the frame links to as `link`, for whoever may open it.
    pub fn nav_page<H, T>(
        mut self,
        path: &'static str,
        action: Action,
        link: NavLink,
        handler: H,
    ) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.nav.add(link, path, action);
        self.get(path, action, handler)
    }

    /// A page in the nav with a count beside its link (e.g. unread mail).
    pub fn nav_page_counted<H, T>(
        mut self,
        path: &'static str,
        action: Action,
        link: NavLink,
        count: NavCount,
        handler: H,
    ) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.nav.add_counted(link, path, action, Some(count));
        self.get(path, action, handler)
    }

    pub fn build(self) -> BuiltRoutes {
        BuiltRoutes {
            router: self.router,
            specs: self.specs,
            limits: self.limits,
            nav: self.nav,
        }
    }
}

/// Where an account whose password was set by someone else chooses its own.
pub const FIRST_PASSWORD_PATH: &str = "/login/password";

/// Asks the policy before the handler runs.
async fn guard(
    State((_state, action)): State<(AppState, Action)>,
    request: Request,
    next: Next,
) -> Response {
    let actor = request.extensions().get::<SignedIn>().map(|s| &s.actor);
    match decide(actor, action) {
        Decision::Allow => next.run(request).await,
        Decision::NeedsSignIn => {
            let path = request.uri().path();
            if is_machine_path(path) {
                AppError::unauthorized().into_response()
            } else if request.extensions().get::<PasswordChangeDue>().is_some() {
                // Nothing opens before the account has chosen its password.
                Redirect::to(FIRST_PASSWORD_PATH).into_response()
            } else {
                // Back here after signing in, if this path is plainly local
                // (the same rule as for every `next`).
                let mut query = Vec::new();
                if request.extensions().get::<SessionEnded>().is_some() {
                    query.push("ended=1".to_string());
                }
                if let Some(back) = LocalTarget::parse(path) {
                    let back = url::form_urlencoded::byte_serialize(back.as_str().as_bytes())
                        .collect::<String>();
                    query.push(format!("next={back}"));
                }
                let to = if query.is_empty() {
                    "/login".to_string()
                } else {
                    format!("/login?{}", query.join("&"))
                };
                Redirect::to(&to).into_response()
            }
        }
        Decision::Forbidden => {
            tracing::warn!(path = %request.uri().path(), ?action, "access refused by policy");
            AppError::forbidden().into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_method_is_matched_exactly() {
        let all = [
            RouteMethod::Get,
            RouteMethod::Post,
            RouteMethod::Put,
            RouteMethod::Patch,
            RouteMethod::Delete,
        ];
        for m in all {
            assert_eq!(MethodFilter::try_from(m.method()).unwrap(), m.filter());
        }
        let distinct: std::collections::HashSet<_> = all.iter().map(|m| m.method()).collect();
        assert_eq!(distinct.len(), all.len());
    }
}
