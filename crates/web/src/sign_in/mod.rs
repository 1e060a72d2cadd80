pub mod pages;
pub mod totp_qr;
