//! `kehoach`: the command line of Kế hoạch CCHC. Thin: each subcommand parses its arguments,
//! calls the core and prints; errors are one Vietnamese line on stderr.
use clap::{Parser, Subcommand};
use kehoach::app::{self, load_plan};
use kehoach::lint::Severity;
use kehoach::model;
use kehoach::track::Period;
use std::path::PathBuf;
use std::process::ExitCode;

#[macro_use]
mod output;
use output::{emit, ready, saving, Failure};

#[derive(Parser)]
#[command(
    name = "kehoach",
    version,
    about = "Lập kế hoạch CCHC theo Nghị định 30/2020/NĐ-CP",
    after_help = "Mã thoát: 0 là xong; 1 là `check` tìm thấy lỗi thể thức; 2 là không làm được \
                  (lý do in một dòng trên stderr). Không lệnh nào ghi đè lên tệp đã có nếu \
                  không thêm --ghi-de."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Cho phép ghi đè lên tệp đã có (mặc định: không ghi đè, báo lỗi).
    #[arg(long = "ghi-de", alias = "overwrite", global = true)]
    replace: bool,
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
        /// Tệp thông tin đơn vị (.toml); không cần khi lập từ kế hoạch năm trước (--previous).
        #[arg(long, required_unless_present = "previous")]
        unit: Option<PathBuf>,
        /// Mẫu loại hình có sẵn (mã như mam-non; mã sai thì lỗi liệt kê các mã) hoặc tệp .toml; mặc định theo "type" của đơn vị.
        #[arg(long)]
        preset: Option<String>,
        /// Tệp quyết định đã lưu (.json): giữ/bỏ/sửa, thêm, sắp xếp, đề xuất từ ngữ.
        #[arg(long)]
        decisions: Option<PathBuf>,
        /// Lập kế hoạch năm sau từ bản nháp năm trước (tệp JSON như lệnh “kehoach drafts show” in ra): giữ các quyết định của năm trước cho những mục cấp trên không đổi.
        #[arg(long, conflicts_with_all = ["unit", "decisions"])]
        previous: Option<PathBuf>,
        /// Kế hoạch cấp trên năm trước (khi bản nháp năm trước không lập từ kế hoạch có sẵn trong ứng dụng).
        #[arg(long, requires = "previous")]
        previous_from: Option<PathBuf>,
        /// Tệp kế hoạch của đơn vị sẽ ghi ra: .json (để sửa tiếp), .docx hoặc .pdf.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Kiểm tra thể thức (Nghị định 30/2020/NĐ-CP) và nội dung còn của cấp trên.
    Check {
        /// Kế hoạch: tệp PLAN.json, .docx, .md hoặc .txt.
        file: PathBuf,
        /// Kế hoạch cấp trên: căn cứ dẫn kế hoạch này được so với phần đầu của nó (cơ quan ban hành, số, ngày).
        #[arg(long)]
        parent: Option<PathBuf>,
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
    /// Theo dõi thực hiện kế hoạch đã ban hành: tình trạng, kết quả, minh chứng của từng nhiệm vụ.
    Track {
        /// Tệp dữ liệu; mặc định là tệp của ứng dụng trong thư mục dữ liệu của người dùng.
        #[arg(long, global = true)]
        db: Option<PathBuf>,
        /// Số của bản nháp (xem `kehoach drafts list`).
        draft: i64,
        #[command(subcommand)]
        command: Option<TrackCommand>,
    },
    /// Báo cáo kết quả thực hiện công tác CCHC quý I, 6 tháng, 9 tháng hoặc năm, lập từ kế hoạch đã ban hành.
    Report {
        /// Tệp dữ liệu; mặc định là tệp của ứng dụng.
        #[arg(long)]
        db: Option<PathBuf>,
        /// Số của bản nháp.
        draft: i64,
        /// Kỳ báo cáo: q1, 6t, 9t hoặc nam.
        #[arg(long)]
        period: String,
        /// Tệp sẽ ghi ra: .docx, .pdf hoặc .json.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Xuất kế hoạch ra tệp .docx hoặc .pdf (theo đuôi tên tệp) đúng thể thức Nghị định 30/2020/NĐ-CP.
    Export {
        /// Kế hoạch: tệp PLAN.json, một tệp .docx/.md/.txt, hoặc builtin:ID.
        input: PathBuf,
        /// Tệp sẽ ghi ra: .docx (Word) hoặc .pdf.
        #[arg(short, long)]
        output: PathBuf,
        /// Xuất thêm tệp PDF cùng tên bên cạnh tệp .docx.
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
enum TrackCommand {
    /// Liệt kê các nhiệm vụ với thời hạn và tình trạng (mặc định).
    List {
        #[arg(long)]
        json: bool,
        /// Ngày để tính việc đến hạn và quá hạn (năm-tháng-ngày); mặc định là hôm nay.
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
    },
    /// Ghi tình trạng của một nhiệm vụ (theo số thứ tự, ví dụ 1.4).
    Set {
        task: String,
        /// chua, dang, hoan-thanh hoặc khong (không thực hiện, cần --ly-do).
        #[arg(long)]
        status: String,
        /// Kết quả thực hiện, một hai câu.
        #[arg(long, default_value = "")]
        result: String,
        /// Minh chứng: số văn bản hoặc đường dẫn tệp; có thể ghi nhiều lần.
        #[arg(long)]
        evidence: Vec<String>,
        /// Lý do (bắt buộc khi không thực hiện).
        #[arg(long = "ly-do", default_value = "")]
        reason: String,
        /// Thời hạn khi kế hoạch ghi chưa rõ (ngày/tháng/năm).
        #[arg(long)]
        deadline: Option<String>,
    },
    /// Ghi lời của đơn vị cho báo cáo một kỳ: nguyên nhân (phần III), nhiệm vụ kỳ tới (IV), đề xuất (V).
    Note {
        /// Kỳ báo cáo: q1, 6t, 9t hoặc nam.
        #[arg(long)]
        period: String,
        #[arg(long, default_value = "")]
        causes: String,
        #[arg(long, default_value = "")]
        next: String,
        #[arg(long, default_value = "")]
        proposals: String,
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
    /// Khôi phục tệp dữ liệu từ một bản sao lưu (thay toàn bộ dữ liệu hiện có bằng bản đó).
    Restore { input: PathBuf },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("Lỗi: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let replace = cli.replace;
    match cli.command {
        Command::Import { file, json } => {
            let plan = load_plan(&file)?;
            if json {
                say!("{}", serde_json::to_string_pretty(&plan)?);
            } else {
                emit(&app::outline(&plan));
            }
            // What the reader did to the text (an old encoding converted) is said on stderr.
            for notice in &plan.notices {
                eprintln!("Lưu ý: {notice}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Adapt {
            from,
            unit,
            preset,
            decisions,
            previous,
            previous_from,
            output,
        } => {
            ready(&output, replace)?;
            let result = match (previous, unit) {
                (Some(previous), _) => {
                    let (result, draft) =
                        app::next_year_files(&from, &previous, previous_from.as_deref())?;
                    eprint!("{}", app::next_year_summary(&result, &draft));
                    result
                }
                (None, Some(unit)) => {
                    app::adapt_files(&from, &unit, preset.as_deref(), decisions.as_deref())?
                }
                (None, None) => unreachable!("clap requires --unit without --previous"),
            };
            let is_json = output
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"));
            if is_json {
                app::save_text(&output, &serde_json::to_string_pretty(&result.plan)?)?;
            } else {
                app::export(&result.plan, Default::default(), &output)?;
            }
            eprintln!(
                "Đã ghi {} ({} mục; {} đề xuất từ ngữ, {} chỗ cần xem lại)",
                output.display(),
                result.plan.items().len(),
                result.proposals.len(),
                result.flags.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { file, parent, json } => {
            let findings = app::check_file(&file, parent.as_deref())?;
            if json {
                say!("{}", serde_json::to_string_pretty(&findings)?);
            } else if findings.is_empty() {
                say!("Không phát hiện lỗi nào.");
            } else {
                for f in &findings {
                    let level = match f.severity {
                        Severity::Error => "Lỗi",
                        Severity::Warning => "Lưu ý",
                    };
                    say!("{level} [{}] {}: {}", f.rule, f.location.label, f.message);
                    if !f.location.text.is_empty() {
                        say!("    «{}»", f.location.text);
                    }
                }
            }
            Ok(if app::has_errors(&findings) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Drafts { db, command } => {
            let path = db.unwrap_or_else(app::default_store_path);
            let reads_only = matches!(
                command,
                DraftsCommand::List { .. }
                    | DraftsCommand::Show { .. }
                    | DraftsCommand::Export { .. }
            );
            let mut st = app::open_store(&path, reads_only)?;
            match command {
                DraftsCommand::Save { plan } => {
                    say!("{}", app::save_plan_draft(&mut st, &plan)?);
                }
                DraftsCommand::List { json } => {
                    let drafts = st.drafts()?;
                    if json {
                        say!("{}", serde_json::to_string_pretty(&drafts)?);
                    } else if drafts.is_empty() {
                        say!("Chưa có bản nháp nào.");
                    } else {
                        for d in drafts {
                            say!(
                                "{:>4}  {}  {}  ({} phiên bản)  {}",
                                d.id,
                                d.updated_at,
                                d.unit,
                                d.revisions,
                                d.title
                            );
                        }
                    }
                }
                DraftsCommand::Show { id } => {
                    let d = st.draft(id)?;
                    say!("{}", serde_json::to_string_pretty(&d)?);
                }
                DraftsCommand::Export { id, output } => {
                    ready(&output, replace)?;
                    let d = st.draft(id)?;
                    let plan = app::draft_plan(&st, &d.state)?;
                    app::export(&plan, d.state.layout, &output)?;
                    eprintln!("Đã xuất {}", output.display());
                }
                DraftsCommand::Backup { output } => {
                    st.backup(&output)?;
                    eprintln!("Đã sao lưu vào {}", output.display());
                }
                DraftsCommand::Restore { input } => {
                    st.restore(&input)?;
                    eprintln!("Đã khôi phục dữ liệu từ {}", input.display());
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Track { db, draft, command } => {
            let command = command.unwrap_or(TrackCommand::List {
                json: false,
                today: None,
            });
            // Listing only reads: it works on a full disk or in a read-only folder.
            let reads_only = matches!(command, TrackCommand::List { .. });
            let mut st = app::open_store(&db.unwrap_or_else(app::default_store_path), reads_only)?;
            let d = st.draft(draft)?;
            match command {
                TrackCommand::List { json, today } => {
                    let record = app::record(&st, &d.state)?;
                    let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
                    let overview = record.overview(today);
                    if json {
                        let both = serde_json::json!({"record": record, "overview": overview});
                        say!("{}", serde_json::to_string_pretty(&both)?);
                    } else {
                        emit(&app::track_text(&record, &overview));
                    }
                }
                TrackCommand::Set {
                    task,
                    status,
                    result,
                    evidence,
                    reason,
                    deadline,
                } => {
                    let status = model::Status::parse(&status).ok_or_else(|| {
                        Failure(format!(
                            "Tình trạng “{status}” không rõ: dùng chua, dang, hoan-thanh hoặc khong."
                        ))
                    })?;
                    let mut state = d.state.clone();
                    let update = model::TaskRecord {
                        status,
                        reason,
                        result,
                        evidence,
                        deadline,
                    };
                    app::track_task(&st, &mut state, &task, update)?;
                    st.save_on(
                        draft,
                        Some(d.revision),
                        &state,
                        &format!("Theo dõi nhiệm vụ {task}"),
                    )
                    .map_err(saving)?;
                    eprintln!("Đã ghi: nhiệm vụ {task} — {}.", status.label());
                }
                TrackCommand::Note {
                    period,
                    causes,
                    next,
                    proposals,
                } => {
                    let period = Period::parse(&period).ok_or_else(|| {
                        Failure(format!(
                            "Kỳ báo cáo “{period}” không rõ: dùng q1, 6t, 9t hoặc nam."
                        ))
                    })?;
                    let year = app::record(&st, &d.state)?.year;
                    let mut state = d.state.clone();
                    let notes = model::ReportNotes {
                        causes,
                        next,
                        proposals,
                    };
                    app::set_report_notes(&mut state, period, notes);
                    st.save_on(
                        draft,
                        Some(d.revision),
                        &state,
                        "Lời của đơn vị cho báo cáo",
                    )
                    .map_err(saving)?;
                    eprintln!("Đã ghi lời cho báo cáo {}.", period.phrase(year));
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Report {
            db,
            draft,
            period,
            output,
        } => {
            ready(&output, replace)?;
            let st = app::open_store(&db.unwrap_or_else(app::default_store_path), true)?;
            let d = st.draft(draft)?;
            let period = Period::parse(&period).ok_or_else(|| {
                Failure(format!(
                    "Kỳ báo cáo “{period}” không rõ: dùng q1, 6t, 9t hoặc nam."
                ))
            })?;
            let report = app::report(&st, &d.state, period)?;
            if output
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
            {
                app::save_text(&output, &serde_json::to_string_pretty(&report)?)?;
            } else {
                app::export(&report, d.state.layout, &output)?;
            }
            eprintln!(
                "Đã lập {} {}: {}",
                report.doc_type.to_lowercase(),
                report.summary,
                output.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            input,
            output,
            pdf,
            font_size,
            line_spacing,
        } => {
            ready(&output, replace)?;
            if pdf && app::OutputFormat::of(&output)? == app::OutputFormat::Docx {
                ready(&output.with_extension("pdf"), replace)?;
            }
            let plan = load_plan(&input)?;
            let layout = kehoach::nd30::Layout {
                body_pt: font_size,
                line_spacing,
                ..Default::default()
            };
            if pdf && app::OutputFormat::of(&output)? == app::OutputFormat::Docx {
                // --pdf: the .docx and a PDF beside it.
                app::export(&plan, layout, &output)?;
                let pdf_path = output.with_extension("pdf");
                app::export(&plan, layout, &pdf_path)?;
                eprintln!("Đã xuất {} và {}", output.display(), pdf_path.display());
            } else {
                app::export(&plan, layout, &output)?;
                eprintln!("Đã xuất {}", output.display());
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
