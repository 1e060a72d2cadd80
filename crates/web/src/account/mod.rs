pub mod api;
pub mod pages;
