//! What is wrong with a submitted form, as the page shows it: one message
//! beside each field (tied to it by `aria-describedby`) and a summary at
//! the top whose links lead to the fields, in the order of the form.

/// One field in error.
#[derive(Debug, Clone)]
pub struct FieldErrorView {
    /// The form field's name, which is also its input's id.
    pub field: String,
    /// The field's label, in the reader's language.
    pub label: String,
    /// What is wrong, in plain words, in the reader's language.
    pub message: String,
}

/// The fields in error of one form, in the order of the form.
#[derive(Debug, Clone, Default)]
pub struct FormErrors {
    pub items: Vec<FieldErrorView>,
}

impl FormErrors {
    /// Adds `field`'s error unless it already has one (the first is kept).
    pub fn add(&mut self, field: &str, label: String, message: String) {
        if !self.has(field) {
            self.items.push(FieldErrorView {
                field: field.to_string(),
                label,
                message,
            });
        }
    }

    /// Puts the errors in the order of `fields` (the form's order); fields
    /// not named there keep their place after them.
    pub fn order_by(&mut self, fields: &[&str]) {
        let rank = |f: &str| fields.iter().position(|x| *x == f).unwrap_or(fields.len());
        self.items.sort_by_key(|e| rank(&e.field));
    }

    /// How many fields are in error (for the summary's plural).
    pub fn count(&self) -> i64 {
        i64::try_from(self.items.len()).unwrap_or(i64::MAX)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn has(&self, field: &str) -> bool {
        self.items.iter().any(|e| e.field == field)
    }

    /// A field's `aria-invalid` and `aria-describedby` attributes (with a
    /// leading space, for a template's `|safe`): described by its error
    /// when it has one, and by its hint when it has one.
    pub fn aria(&self, field: &str, hint: Option<&str>) -> String {
        match (self.has(field), hint) {
            (true, Some(h)) => {
                format!(" aria-invalid=\"true\" aria-describedby=\"error-{field} {h}\"")
            }
            (true, None) => format!(" aria-invalid=\"true\" aria-describedby=\"error-{field}\""),
            (false, Some(h)) => format!(" aria-describedby=\"{h}\""),
            (false, None) => String::new(),
        }
    }

    /// The message beside `field`, or empty.
    pub fn get(&self, field: &str) -> &str {
        self.items
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_follow_the_form_and_keep_the_first_message() {
        let mut e = FormErrors::default();
        e.add("emails", "E-mail".into(), "not an address".into());
        e.add("name", "Name".into(), "required".into());
        e.add("name", "Name".into(), "too long".into());
        e.add("other", "Other".into(), "?".into());
        e.order_by(&["name", "emails"]);
        let fields: Vec<&str> = e.items.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["name", "emails", "other"]);
        assert_eq!(e.get("name"), "required");
        assert_eq!(e.get("title"), "");
        assert!(e.has("emails") && !e.has("title"));
    }
}
