//! A lesson's Markdown: checked when a module is uploaded (no raw HTML,
//! no images, links only to the web, mail or the page itself), and
//! rendered with anything that slipped through escaped all the same.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag};

/// Why a lesson's text was refused, with its line (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonProblem {
    pub line: usize,
    pub message_id: &'static str,
}

pub const MESSAGE_IDS: [&str; 4] = [
    "learning-problem-html",
    "learning-problem-image",
    "learning-problem-link",
    "learning-problem-heading",
];

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// A link may go to the web, to a mail address or within the page.
fn safe_destination(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || lower.starts_with('#')
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map(|before| before.matches('\n').count() + 1)
        .unwrap_or(1)
}

/// The lesson's title: its first line, a level-one heading.
pub fn title(text: &str) -> Option<String> {
    let first = text.lines().next()?.trim();
    let title = first.strip_prefix("# ")?.trim();
    (!title.is_empty()).then(|| title.to_owned())
}

/// Every problem in a lesson, in order.
pub fn check(text: &str) -> Vec<LessonProblem> {
    let mut problems = Vec::new();
    if title(text).is_none() {
        problems.push(LessonProblem {
            line: 1,
            message_id: "learning-problem-heading",
        });
    }
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        let message_id = match &event {
            Event::Html(_) | Event::InlineHtml(_) => "learning-problem-html",
            Event::Start(Tag::Image { .. }) => "learning-problem-image",
            Event::Start(Tag::Link { dest_url, .. }) if !safe_destination(dest_url) => {
                "learning-problem-link"
            }
            _ => continue,
        };
        problems.push(LessonProblem {
            line: line_of(text, range.start),
            message_id,
        });
    }
    problems
}

/// The lesson as HTML, without its title line (the page shows the title
/// itself). Raw HTML becomes text, images become their alt text, unsafe
/// links lose their destination: a stored lesson that was never checked
/// still cannot run script in a reader's page.
pub fn render(text: &str) -> String {
    let body = match text.split_once('\n') {
        Some((first, rest)) if first.trim_start().starts_with("# ") => rest,
        Some(_) => text,
        None if text.trim_start().starts_with("# ") => "",
        None => text,
    };
    let events = Parser::new_ext(body, options()).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Image { .. }) | Event::End(pulldown_cmark::TagEnd::Image) => None,
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = if safe_destination(&dest_url) {
                dest_url
            } else {
                CowStr::Borrowed("#")
            };
            Some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        other => Some(other),
    });
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_plain_lesson_passes_and_renders() {
        let text = "# Roles\n\nA **PoC** acts.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n[FIRST](https://www.first.org/tlp/)\n";
        assert_eq!(check(text), vec![]);
        assert_eq!(title(text).as_deref(), Some("Roles"));
        let html = render(text);
        assert!(html.contains("<strong>PoC</strong>"));
        assert!(html.contains("<table>"));
        assert!(html.contains(r#"<a href="https://www.first.org/tlp/">"#));
        assert!(!html.contains("Roles"), "the title is the page's: {html}");
    }

    #[test]
    fn script_images_and_unsafe_links_are_refused_by_line() {
        let text = "# T\n\n<script>alert(1)</script>\n\nok <b>x</b>\n\n![x](https://e.org/p.png)\n\n[y](javascript:alert(1))\n";
        let found: Vec<(usize, &str)> = check(text)
            .into_iter()
            .map(|p| (p.line, p.message_id))
            .collect();
        assert_eq!(
            found,
            vec![
                (3, "learning-problem-html"),
                (5, "learning-problem-html"),
                (5, "learning-problem-html"),
                (7, "learning-problem-image"),
                (9, "learning-problem-link"),
            ]
        );
        assert_eq!(
            check("no heading")[0].message_id,
            "learning-problem-heading"
        );
    }

    #[test]
    fn rendering_escapes_what_was_never_checked() {
        let html = render("# T\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[y](javascript:alert(1)) ![i](https://e.org/p.png)\n");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    proptest! {
        /// Whatever the text, the rendering has no element or attribute
        /// that could run script, and the check never panics.
        #[test]
        fn no_text_renders_to_script(text in "(#|<|>|\\[|\\]|\\(|\\)|!|script|img|on[a-z]+=|javascript:|\"|'| |\n|[a-z]){0,200}") {
            let _ = check(&text);
            let html = render(&text).to_ascii_lowercase();
            prop_assert!(!html.contains("<script"));
            prop_assert!(!html.contains("<img"));
            prop_assert!(!html.contains("href=\"javascript:"));
            prop_assert!(!html.contains("<iframe"));
        }
    }
}
