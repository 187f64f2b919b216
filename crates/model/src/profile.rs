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

    /// The fields a plan cannot do without, with their Vietnamese names.
    pub fn validate(&self) -> Result<(), ProfileError> {
        if self.name.trim().is_empty() {
            return Err(ProfileError::Missing("tên đơn vị"));
        }
        if self.short_name.trim().is_empty() {
            return Err(ProfileError::Missing("tên viết tắt của đơn vị"));
        }
        if self.place.trim().is_empty() {
            return Err(ProfileError::Missing("địa danh"));
        }
        if !(1990..=2100).contains(&self.year) {
            return Err(ProfileError::Missing("năm kế hoạch"));
        }
        Ok(())
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
