//! Boilerplate sentences (trích yếu, intro, closing, the basis citing the parent plan, funding,
//! the sentence leading the tasks, the pointer to the appendix, the appendix title and
//! "(Kèm theo …)" line) as handlebars templates in `templates/boilerplate/`,
//! so that wording changes without code. The templates ship inside the binary; a folder of
//! user copies (the app's data folder) overrides them one by one.
use handlebars::Handlebars;
use serde::Serialize;
use std::path::Path;

/// The templates and their built-in text.
pub const TEMPLATES: &[(&str, &str)] = &[
    (
        "summary",
        include_str!("../templates/boilerplate/summary.hbs"),
    ),
    ("intro", include_str!("../templates/boilerplate/intro.hbs")),
    (
        "parent_basis",
        include_str!("../templates/boilerplate/parent_basis.hbs"),
    ),
    (
        "funding",
        include_str!("../templates/boilerplate/funding.hbs"),
    ),
    (
        "closing",
        include_str!("../templates/boilerplate/closing.hbs"),
    ),
    (
        "tasks_lead",
        include_str!("../templates/boilerplate/tasks_lead.hbs"),
    ),
    (
        "appendix_pointer",
        include_str!("../templates/boilerplate/appendix_pointer.hbs"),
    ),
    (
        "appendix_title",
        include_str!("../templates/boilerplate/appendix_title.hbs"),
    ),
    (
        "appendix_subtitle",
        include_str!("../templates/boilerplate/appendix_subtitle.hbs"),
    ),
];

/// A template that does not render (a user's edited copy with a mistake).
#[derive(Debug, thiserror::Error)]
#[error("Mẫu câu \"{name}\" bị lỗi: {reason}")]
pub struct TemplateError {
    pub name: String,
    pub reason: String,
}

/// The registry of boilerplate templates.
pub struct Boilerplate {
    registry: Handlebars<'static>,
}

impl Boilerplate {
    /// The built-in templates.
    pub fn builtin() -> Boilerplate {
        let mut registry = Handlebars::new();
        registry.register_escape_fn(handlebars::no_escape);
        registry.set_strict_mode(false);
        for (name, text) in TEMPLATES {
            registry
                .register_template_string(name, text.trim_end())
                .expect("built-in templates are valid");
        }
        Boilerplate { registry }
    }

    /// The built-in templates, with `NAME.hbs` files from `dir` taking their place.
    pub fn with_overrides(dir: &Path) -> Result<Boilerplate, TemplateError> {
        let mut b = Boilerplate::builtin();
        for (name, _) in TEMPLATES {
            let path = dir.join(format!("{name}.hbs"));
            if let Ok(text) = std::fs::read_to_string(&path) {
                b.registry
                    .register_template_string(name, text.trim_end())
                    .map_err(|e| TemplateError {
                        name: name.to_string(),
                        reason: e.to_string(),
                    })?;
            }
        }
        Ok(b)
    }

    /// Renders a template with the data; whitespace collapsed to single spaces, except the
    /// no-break spaces of a blank left for the văn thư ("số      /KH-…", "ngày      tháng").
    pub fn render(&self, name: &str, data: &impl Serialize) -> Result<String, TemplateError> {
        let text = self
            .registry
            .render(name, data)
            .map_err(|e| TemplateError {
                name: name.to_string(),
                reason: e.to_string(),
            })?;
        Ok(text
            .split(|c: char| c.is_whitespace() && c != '\u{a0}')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_not_html_escaped() {
        let b = Boilerplate::builtin();
        let data = serde_json::json!({"unit": {"name": "Trường A & B <1>", "year": 2024}});
        assert_eq!(
            b.render("summary", &data).unwrap(),
            "Thực hiện công tác cải cách hành chính tại Trường A & B <1> năm 2024"
        );
    }

    #[test]
    fn a_users_copy_overrides_the_builtin_one() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("summary.hbs"), "CCHC của {{unit.name}}").unwrap();
        let b = Boilerplate::with_overrides(dir.path()).unwrap();
        let data = serde_json::json!({"unit": {"name": "Trường A"}});
        assert_eq!(b.render("summary", &data).unwrap(), "CCHC của Trường A");
        std::fs::write(dir.path().join("intro.hbs"), "{{#if}}").unwrap();
        assert!(Boilerplate::with_overrides(dir.path()).is_err());
    }
}
