//! Integration tests of the facade and the command line: whole journeys, the PDF, paths, the workspace's layers.
//! One test binary per crate (see docs/architecture.md).
mod architecture;
mod check_cli;
mod drafts;
mod files;
mod hostile;
mod import_forms;
mod next_year;
mod outputs;
mod paths;
mod pdf;
mod storage;
mod track;
mod ward_kindergarten;
