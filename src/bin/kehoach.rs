//! `kehoach`: the command line of Kế hoạch CCHC. Thin: each subcommand parses its arguments,
//! calls the core and prints; errors are one Vietnamese line on stderr.
use clap::{Parser, Subcommand};
use kehoach::import;
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
    }
}
