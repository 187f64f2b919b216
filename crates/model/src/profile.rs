//! The unit profile (hồ sơ đơn vị): who issues the plan, read from the TOML format of
//! `tuoi-hong.unit.toml`. Kept per unit and reused next year.
use chrono::NaiveDate;
use kehoach_nd30::Layout;
use serde::{Deserialize, Serialize};

/// Thông tin đơn vị.
#[derive(ts_rs::TS, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UnitProfile {
    /// Full name as in the founding decision: "Trường mầm non Tuổi Hồng".
    pub name: String,
    /// Abbreviation used in the symbol and recipient lines: "MNTH".
    pub short_name: String,
    /// Unit type, the preset id: "mam-non", "tieu-hoc", "thcs", "phuong", "phong-ban", "y-te".
    #[serde(rename = "type")]
    pub unit_type: String,
    /// Cơ quan chủ quản: "Ủy ban nhân dân Quận 1".
    pub parent_body: String,
    /// How the parent body is printed in the header: "ỦY BAN NHÂN DÂN QUẬN 1" (may be abbreviated).
    pub parent_body_header: String,
    /// Địa danh: "Quận 1".
    pub place: String,
    pub year: i32,
    /// Số; absent for a draft.
    pub number: Option<String>,
    /// Ngày ban hành; absent for a draft.
    pub date: Option<NaiveDate>,
    /// "", "KT.", "TL.", "TUQ.", "Q.", "TM.".
    pub signer_authority: String,
    /// The signer's own title: "HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG".
    pub signer_title: String,
    pub signer_name: String,
    /// Nơi nhận without punctuation; the preset's list when empty.
    pub recipients: Vec<String>,
    /// Page and body settings, remembered per unit.
    pub layout: Option<Layout>,
}

/// The years a plan can be for: another is a typing mistake.
pub const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// A field of the profile a plan cannot do without.
#[derive(ts_rs::TS, Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileField {
    Name,
    ShortName,
    ParentBody,
    Place,
    Year,
}

impl ProfileField {
    pub const ALL: [ProfileField; 5] = [
        ProfileField::Name,
        ProfileField::ShortName,
        ProfileField::ParentBody,
        ProfileField::Place,
        ProfileField::Year,
    ];

    /// As the form labels it: "Tên đơn vị".
    pub fn label(self) -> &'static str {
        match self {
            ProfileField::Name => "Tên đơn vị",
            ProfileField::ShortName => "Tên viết tắt",
            ProfileField::ParentBody => "Cơ quan chủ quản",
            ProfileField::Place => "Địa danh",
            ProfileField::Year => "Năm kế hoạch",
        }
    }

    /// As a sentence names it: "tên viết tắt của đơn vị".
    fn phrase(self) -> &'static str {
        match self {
            ProfileField::Name => "tên đơn vị",
            ProfileField::ShortName => "tên viết tắt của đơn vị",
            ProfileField::ParentBody => "cơ quan chủ quản của đơn vị",
            ProfileField::Place => "địa danh",
            ProfileField::Year => "năm kế hoạch",
        }
    }
}

/// Why a profile is unusable.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ProfileError {
    #[error("Tệp thông tin đơn vị không đúng định dạng: {0}")]
    Parse(String),
    #[error("Thiếu {0} trong thông tin đơn vị.")]
    Missing(&'static str),
}

impl UnitProfile {
    /// Reads a profile from TOML and checks the fields a plan cannot do without.
    pub fn from_toml(text: &str) -> Result<UnitProfile, ProfileError> {
        let p: UnitProfile =
            toml::from_str(text).map_err(|e| ProfileError::Parse(e.message().to_string()))?;
        p.validate()?;
        Ok(p)
    }

    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).unwrap_or_default()
    }

    /// The fields a plan cannot do without that are empty (or, for the year, outside
    /// [`YEARS`]), in the form's order.
    pub fn missing(&self) -> Vec<ProfileField> {
        ProfileField::ALL
            .into_iter()
            .filter(|f| match f {
                ProfileField::Name => self.name.trim().is_empty(),
                ProfileField::ShortName => self.short_name.trim().is_empty(),
                ProfileField::ParentBody => self.parent_body.trim().is_empty(),
                ProfileField::Place => self.place.trim().is_empty(),
                ProfileField::Year => !YEARS.contains(&self.year),
            })
            .collect()
    }

    /// The first field a plan cannot do without that is missing, named in Vietnamese.
    pub fn validate(&self) -> Result<(), ProfileError> {
        match self.missing().first() {
            Some(f) => Err(ProfileError::Missing(f.phrase())),
            None => Ok(()),
        }
    }

    /// Ký hiệu: "KH-MNTH".
    pub fn symbol(&self, type_code: &str) -> String {
        format!("{type_code}-{}", self.short_name.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fixture_profile_reads() {
        let text = include_str!("../../../tests/fixtures/tuoi-hong.unit.toml");
        let p = UnitProfile::from_toml(text).unwrap();
        assert_eq!(p.name, "Trường mầm non Tuổi Hồng");
        assert_eq!(p.unit_type, "mam-non");
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2024, 1, 5));
        assert_eq!(p.recipients.len(), 3);
        assert_eq!(p.symbol("KH"), "KH-MNTH");
    }

    #[test]
    fn missing_fields_are_named_in_vietnamese() {
        let e = UnitProfile::from_toml("short_name = \"X\"\nplace = \"Quận 1\"\nyear = 2024")
            .unwrap_err();
        assert_eq!(e.to_string(), "Thiếu tên đơn vị trong thông tin đơn vị.");
        assert!(UnitProfile::from_toml("name = [").is_err());
    }
}
