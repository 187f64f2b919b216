//! `kehoach`: the command line of Kế hoạch CCHC. Thin: each subcommand parses its arguments,
//! calls the core and prints; errors are one Vietnamese line on stderr.
use clap::{Parser, Subcommand};
use kehoach::{adapt, export, import, lint, store};
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
    /// Bản nháp trong tệp dữ liệu (cho người giữ bản sao lưu).
    Drafts {
        /// Tệp dữ liệu; mặc định là tệp của ứng dụng trong thư mục dữ liệu của người dùng.
        #[arg(long, global = true)]
        db: Option<PathBuf>,
        #[command(subcommand)]
        command: DraftsCommand,
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

#[derive(Subcommand)]
enum DraftsCommand {
    /// Lưu một kế hoạch (PLAN.json) thành bản nháp mới; in số của bản nháp.
    Save { plan: PathBuf },
    /// Liệt kê các bản nháp.
    List {
        #[arg(long)]
        json: bool,
    },
    /// In nội dung hiện tại của một bản nháp (JSON).
    Show { id: i64 },
    /// Xuất một bản nháp ra tệp .docx.
    Export {
        id: i64,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Sao lưu toàn bộ tệp dữ liệu (khi ứng dụng đang mở cũng được).
    Backup {
        #[arg(short, long)]
        output: PathBuf,
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
        Command::Drafts { db, command } => {
            let path = db.unwrap_or_else(store::default_path);
            let mut st = store::Store::open(&path).map_err(|e| e.to_string())?;
            match command {
                DraftsCommand::Save { plan } => {
                    let plan = load_plan(&plan)?;
                    let state = store::DraftState {
                        title: format!("{} {}", plan.doc_type, plan.summary)
                            .trim()
                            .to_string(),
                        plan: Some(plan),
                        ..Default::default()
                    };
                    let id = st.create_draft(&state).map_err(|e| e.to_string())?;
                    println!("{id}");
                }
                DraftsCommand::List { json } => {
                    let drafts = st.drafts().map_err(|e| e.to_string())?;
                    if json {
                        println!(
                            "{}",
                            serde_json::to_string_pretty(&drafts).map_err(|e| e.to_string())?
                        );
                    } else if drafts.is_empty() {
                        println!("Chưa có bản nháp nào.");
                    } else {
                        for d in drafts {
                            println!(
                                "{:>4}  {}  {}  ({} phiên bản)  {}",
                                d.id, d.updated_at, d.unit, d.revisions, d.title
                            );
                        }
                    }
                }
                DraftsCommand::Show { id } => {
                    let d = st.draft(id).map_err(|e| e.to_string())?;
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&d).map_err(|e| e.to_string())?
                    );
                }
                DraftsCommand::Export { id, output } => {
                    let d = st.draft(id).map_err(|e| e.to_string())?;
                    let plan = kehoach::draft_plan(&st, &d.state).map_err(|e| e.to_string())?;
                    let opts = export::ExportOptions {
                        layout: d.state.layout,
                        ..Default::default()
                    };
                    let bytes = export::to_docx(&plan, &opts).map_err(|e| e.to_string())?;
                    std::fs::write(&output, bytes)
                        .map_err(|e| format!("Không ghi được tệp {}: {e}", output.display()))?;
                    eprintln!("Đã xuất {}", output.display());
                }
                DraftsCommand::Backup { output } => {
                    st.backup(&output).map_err(|e| e.to_string())?;
                    eprintln!("Đã sao lưu vào {}", output.display());
                }
            }
            Ok(ExitCode::SUCCESS)
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
