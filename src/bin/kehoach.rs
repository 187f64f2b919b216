//! `kehoach`: the command line of Kế hoạch CCHC. Thin: each subcommand parses its arguments,
//! calls the core and prints; errors are one Vietnamese line on stderr.
use clap::{Parser, Subcommand};
use kehoach::{adapt, export, import, lint};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "kehoach",
    version,
    about = "Lập kế hoạch CCHC theo Nghị định 30/2020/NĐ-CP"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Nhập một kế hoạch (.docx, .md, .txt hoặc builtin:ID) và in dàn ý hoặc JSON.
    Import {
        /// Tệp kế hoạch, hoặc builtin:quan1-2024.
        file: PathBuf,
        /// In toàn bộ kế hoạch dạng JSON.
        #[arg(long)]
        json: bool,
    },
    /// Xây dựng kế hoạch của đơn vị từ kế hoạch cấp trên, theo thông tin đơn vị và mẫu loại hình.
    Adapt {
        /// Kế hoạch cấp trên: tệp .docx/.md/.txt/.json hoặc builtin:ID.
        #[arg(long)]
        from: PathBuf,
        /// Tệp thông tin đơn vị (.toml).
        #[arg(long)]
        unit: PathBuf,
        /// Mẫu loại hình (mam-non, tieu-hoc, thcs, phuong, phong-ban, y-te) hoặc tệp .toml; mặc định theo "type" của đơn vị.
        #[arg(long)]
        preset: Option<String>,
        /// Tệp quyết định đã lưu (.json): giữ/bỏ/sửa, thêm, sắp xếp, đề xuất từ ngữ.
        #[arg(long)]
        decisions: Option<PathBuf>,
        /// Tệp kế hoạch của đơn vị sẽ ghi ra (.json).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Kiểm tra thể thức (Nghị định 30/2020/NĐ-CP) và nội dung còn của cấp trên.
    Check {
        /// Kế hoạch: tệp PLAN.json, .docx, .md hoặc .txt.
        file: PathBuf,
        /// In kết quả dạng JSON.
        #[arg(long)]
        json: bool,
    },
    /// Xuất kế hoạch ra tệp .docx đúng thể thức Nghị định 30/2020/NĐ-CP (và PDF nếu có LibreOffice).
    Export {
        /// Kế hoạch: tệp PLAN.json, một tệp .docx/.md/.txt, hoặc builtin:ID.
        input: PathBuf,
        /// Tệp .docx sẽ ghi ra.
        #[arg(short, long)]
        output: PathBuf,
        /// Xuất thêm tệp PDF cùng tên (cần LibreOffice).
        #[arg(long)]
        pdf: bool,
        /// Cỡ chữ nội dung: 13 hoặc 14.
        #[arg(long, default_value_t = 14)]
        font_size: u32,
        /// Giãn dòng, từ 1.0 đến 1.5.
        #[arg(long, default_value_t = 1.15)]
        line_spacing: f64,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("Lỗi: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Import { file, json } => {
            let plan = load_plan(&file)?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&plan).map_err(|e| e.to_string())?
                );
            } else {
                print!("{}", kehoach::outline::outline(&plan));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Adapt {
            from,
            unit,
            preset,
            decisions,
            output,
        } => {
            let parent = load_plan(&from)?;
            let profile_text = std::fs::read_to_string(&unit)
                .map_err(|e| format!("Không đọc được tệp {}: {e}", unit.display()))?;
            let profile =
                adapt::UnitProfile::from_toml(&profile_text).map_err(|e| e.to_string())?;
            let preset_id = preset.unwrap_or_else(|| profile.unit_type.clone());
            let preset = if preset_id.ends_with(".toml") {
                let text = std::fs::read_to_string(&preset_id)
                    .map_err(|e| format!("Không đọc được tệp {preset_id}: {e}"))?;
                adapt::Preset::from_toml(&preset_id, &text)
            } else {
                adapt::Preset::builtin(&preset_id)
            }
            .map_err(|e| e.to_string())?;
            let decisions = match decisions {
                Some(path) => {
                    let text = std::fs::read_to_string(&path)
                        .map_err(|e| format!("Không đọc được tệp {}: {e}", path.display()))?;
                    serde_json::from_str(&text).map_err(|e| {
                        format!("Tệp quyết định {} không hợp lệ: {e}", path.display())
                    })?
                }
                None => adapt::Decisions::default(),
            };
            let result = adapt::adapt(
                &parent,
                &profile,
                &preset,
                &decisions,
                adapt::AdaptOptions {
                    apply_defaults: true,
                },
            )
            .map_err(|e| e.to_string())?;
            let json = serde_json::to_string_pretty(&result.plan).map_err(|e| e.to_string())?;
            std::fs::write(&output, json)
                .map_err(|e| format!("Không ghi được tệp {}: {e}", output.display()))?;
            eprintln!(
                "Đã ghi {} ({} mục; {} đề xuất từ ngữ, {} chỗ cần xem lại)",
                output.display(),
                result.plan.items().len(),
                result.proposals.len(),
                result.flags.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { file, json } => {
            let findings = if file
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
            {
                lint::check(&load_plan(&file)?)
            } else {
                let bytes = std::fs::read(&file)
                    .map_err(|e| format!("Không đọc được tệp {}: {e}", file.display()))?;
                let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
                lint::check_docx(name, &bytes).map_err(|e| e.to_string())?
            };
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&findings).map_err(|e| e.to_string())?
                );
            } else if findings.is_empty() {
                println!("Không phát hiện lỗi nào.");
            } else {
                for f in &findings {
                    let level = match f.severity {
                        lint::Severity::Error => "Lỗi",
                        lint::Severity::Warning => "Lưu ý",
                    };
                    println!("{level} [{}] {}: {}", f.rule, f.location.label, f.message);
                    if !f.location.text.is_empty() {
                        println!("    «{}»", f.location.text);
                    }
                }
            }
            Ok(if lint::has_errors(&findings) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Export {
            input,
            output,
            pdf,
            font_size,
            line_spacing,
        } => {
            let plan = load_plan(&input)?;
            let opts = export::ExportOptions {
                layout: kehoach::nd30::Layout {
                    body_pt: font_size,
                    line_spacing,
                    ..Default::default()
                },
                ..Default::default()
            };
            let bytes = export::to_docx(&plan, &opts).map_err(|e| e.to_string())?;
            std::fs::write(&output, bytes)
                .map_err(|e| format!("Không ghi được tệp {}: {e}", output.display()))?;
            if pdf {
                let pdf_path = output.with_extension("pdf");
                export::pdf::docx_to_pdf(&output, &pdf_path).map_err(|e| e.to_string())?;
                eprintln!("Đã xuất {} và {}", output.display(), pdf_path.display());
            } else {
                eprintln!("Đã xuất {}", output.display());
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A plan from PLAN.json (the plan file format) or from any file the importer reads.
fn load_plan(path: &std::path::Path) -> Result<kehoach::model::Plan, String> {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("Không đọc được tệp {}: {e}", path.display()))?;
        let mut plan: kehoach::model::Plan = serde_json::from_str(&text).map_err(|e| {
            format!(
                "Tệp {} không phải kế hoạch JSON hợp lệ (dòng {}, cột {}).",
                path.display(),
                e.line(),
                e.column()
            )
        })?;
        plan.normalize();
        Ok(plan)
    } else {
        import::read_path(path).map_err(|e| e.to_string())
    }
}
