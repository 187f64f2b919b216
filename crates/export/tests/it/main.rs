//! Integration tests of the writers: goldens, properties, validity (openxml-audit, python-docx, LibreOffice), round trips.
//! One test binary per crate (see docs/architecture.md).
mod docx_valid;
mod emphasis;
mod export_golden;
mod export_props;
mod layout;
mod render;
mod roundtrip;
