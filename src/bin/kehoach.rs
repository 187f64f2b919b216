//! `kehoach`: the command line of Kế hoạch CCHC. Thin: each subcommand parses its arguments,
//! calls the core and prints; errors are one Vietnamese line on stderr.
use clap::{Parser, Subcommand};
use kehoach::{export, import};
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
            let plan = import::read_path(&file).map_err(|e| e.to_string())?;
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
