//! What the command line prints and where it writes: one Vietnamese line for an error, standard
//! output that a closed pipe ends quietly, outputs never written over unasked.
use kehoach::app;

/// An error to print: one Vietnamese line.
pub struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

/// Prints to standard output. A reader that stopped reading (`kehoach import … | head -1`)
/// ends the program quietly; any other failure is one line on stderr.
pub fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("Lỗi: không in được kết quả: {}.", app::io_reason(&e));
        std::process::exit(2);
    }
}

/// `println!` through [`emit`].
macro_rules! say {
    ($($arg:tt)*) => { $crate::output::emit(&format!("{}\n", format_args!($($arg)*))) };
}

/// Refuses an output file that is there already unless --ghi-de was given, and a missing folder.
pub fn ready(path: &std::path::Path, replace: bool) -> Result<(), Failure> {
    app::check_output(path, replace).map_err(|e| match e {
        app::Error::Exists(p) => Failure(format!(
            "Tệp {p} đã có nên không ghi đè: hãy chọn tên khác, hoặc thêm --ghi-de để thay tệp đó."
        )),
        e => e.into(),
    })
}

/// A save that failed, said for the command line: a draft changed meanwhile (in the app) is read
/// again by running the command again; there is no window here to choose in.
pub fn saving(e: kehoach::store::StoreError) -> Failure {
    match e {
        kehoach::store::StoreError::Conflict { draft, at } => Failure(format!(
            "Bản nháp số {draft} vừa được sửa ở nơi khác (lúc {at}) nên lệnh này chưa ghi gì: hãy chạy lại lệnh để ghi lên bản mới nhất."
        )),
        e => e.into(),
    }
}
