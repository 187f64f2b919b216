//! `kehoach`: the command line of Kế hoạch CCHC.
use clap::Parser;

#[derive(Parser)]
#[command(
    name = "kehoach",
    version,
    about = "Lập kế hoạch CCHC theo Nghị định 30/2020/NĐ-CP"
)]
struct Cli {}

fn main() {
    let _cli = Cli::parse();
}
