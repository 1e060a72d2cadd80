//! The enrolment QR code, drawn as inline SVG (no script, no image request).

use qrcode::render::svg;
use qrcode::QrCode;

pub fn qr_svg(data: &str) -> Option<String> {
    let code = QrCode::new(data.as_bytes()).ok()?;
    Some(
        code.render::<svg::Color>()
            .min_dimensions(220, 220)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn draws_svg() {
        let svg = super::qr_svg("otpauth://totp/pocdir:a?secret=ABC").unwrap();
        assert!(svg.contains("<svg"));
        assert!(!svg.contains("<script"));
    }
}
