//! The world map of the public page: Natural Earth's countries as SVG
//! paths (`data/world-110m.tsv`, made once by `scripts/gen-world-map.mjs`
//! and compiled in), drawn on the server with each participating State
//! marked. No script: the picture is plain SVG, and the list beside it says
//! the same in words.

use std::collections::HashSet;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/world-110m.tsv");

/// One country's shape, as the data file has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    /// M49 code (three digits); empty for an area Natural Earth gives none.
    pub m49: &'static str,
    /// English name, for areas no participant row names.
    pub name: &'static str,
    pub path: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorldData {
    pub view_box: &'static str,
    pub shapes: Vec<Shape>,
}

/// Reads the data file: comment lines, the `viewBox` line, one line per
/// country. A line that does not fit is skipped (the file is ours and
/// checked by a test, so this never drops a country in practice).
pub fn parse(data: &'static str) -> WorldData {
    let mut view_box = "0 0 1000 440";
    let mut shapes = Vec::new();
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let mut cols = line.split('\t');
        match (cols.next(), cols.next(), cols.next()) {
            (Some("viewBox"), Some(vb), None) => view_box = vb,
            (Some(m49), Some(name), Some(path)) => shapes.push(Shape { m49, name, path }),
            _ => {}
        }
    }
    WorldData { view_box, shapes }
}

/// The map data, read once.
pub fn world() -> &'static WorldData {
    static WORLD: OnceLock<WorldData> = OnceLock::new();
    WORLD.get_or_init(|| parse(DATA))
}

/// A country as the page draws it.
#[derive(Debug, Clone)]
pub struct DrawnCountry {
    pub path: &'static str,
    /// Its name in the reader's language where a participant row names it.
    pub title: String,
    pub takes_part: bool,
}

/// Every shape, marked when its M49 code is in `participating`, titled
/// by `name_of` (the reader's language) or else the data's English name.
pub fn draw(
    participating: &HashSet<String>,
    name_of: impl Fn(&str) -> Option<String>,
) -> Vec<DrawnCountry> {
    world()
        .shapes
        .iter()
        .map(|s| DrawnCountry {
            path: s.path,
            title: (!s.m49.is_empty())
                .then(|| name_of(s.m49))
                .flatten()
                .unwrap_or_else(|| s.name.to_string()),
            takes_part: !s.m49.is_empty() && participating.contains(s.m49),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_data_has_the_world_in_it() {
        let w = world();
        assert!(w.view_box.starts_with("0 0 1000 "), "{}", w.view_box);
        assert!(w.shapes.len() > 170, "{} shapes", w.shapes.len());
        for code in ["586", "250", "156", "076", "840", "036"] {
            assert!(
                w.shapes.iter().any(|s| s.m49 == code),
                "no shape for {code}"
            );
        }
        for s in &w.shapes {
            assert!(s.path.starts_with('M'), "{}", s.name);
            assert!(
                s.path
                    .chars()
                    .all(|c| c.is_ascii_digit() || " -Mlz".contains(c)),
                "{}: only numbers and path commands",
                s.name
            );
        }
    }

    #[test]
    fn participants_are_marked_and_named_in_the_readers_language() {
        let taking_part: HashSet<String> = ["586".to_string()].into();
        let drawn = draw(&taking_part, |m49| (m49 == "586").then(|| "باكستان".into()));
        let pakistan: Vec<_> = drawn.iter().filter(|c| c.takes_part).collect();
        assert_eq!(pakistan.len(), 1);
        assert_eq!(pakistan[0].title, "باكستان");
        assert!(drawn.iter().any(|c| c.title == "France" && !c.takes_part));
    }

    #[test]
    fn a_broken_line_is_skipped() {
        let w = parse("# c\nviewBox\t0 0 10 5\n004\tX\tM1 1z\nbroken\n");
        assert_eq!(w.view_box, "0 0 10 5");
        assert_eq!(w.shapes.len(), 1);
    }
}
