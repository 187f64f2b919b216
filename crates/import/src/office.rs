//! LibreOffice, when it is installed: the one place that finds it and converts a file with it
//! (old Word .doc, .odt and .rtf files to .docx on import). Nothing needs it: a
//! school's laptop usually has none. `KEHOACH_SOFFICE` names the program to use, or "none" to act
//! as if there were none (the tests use it).
use std::path::{Path, PathBuf};
use std::process::Command;

/// Why a conversion failed.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum OfficeError {
    #[error("Chưa cài LibreOffice trên máy này.")]
    Missing,
    #[error("LibreOffice không chuyển được tệp: {0}")]
    Failed(String),
    #[error("LibreOffice không trả lời sau {0} giây nên đã được dừng lại.")]
    Timeout(u64),
}

/// The LibreOffice program, if one is installed.
pub fn libreoffice() -> Option<PathBuf> {
    if let Some(v) = std::env::var_os("KEHOACH_SOFFICE") {
        if v == "none" {
            return None;
        }
        return Some(PathBuf::from(v)).filter(|p| runs(p));
    }
    let candidates = [
        "soffice",
        "libreoffice",
        "/usr/bin/soffice",
        "/usr/lib/libreoffice/program/soffice",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    ];
    candidates.iter().map(PathBuf::from).find(|p| runs(p))
}

fn runs(p: &Path) -> bool {
    let mut command = Command::new(p);
    quiet(&mut command);
    command
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Converts `input` to the format `to` ("docx", "pdf") and returns the converted file's bytes.
/// Runs in a private folder with a private profile and temporary folder, so that a LibreOffice
/// window the user has open does not block it and nothing is left behind; stopped, with every
/// process it started, after [`TIMEOUT`].
pub fn convert(input: &Path, to: &str) -> Result<Vec<u8>, OfficeError> {
    convert_within(input, to, TIMEOUT)
}

fn convert_within(
    input: &Path,
    to: &str,
    limit: std::time::Duration,
) -> Result<Vec<u8>, OfficeError> {
    let soffice = libreoffice().ok_or(OfficeError::Missing)?;
    let work = private_dir().map_err(|e| OfficeError::Failed(e.to_string()))?;
    let result = (|| {
        let profile = format!(
            "-env:UserInstallation={}",
            file_url(&work.join("profile").to_string_lossy())
        );
        let mut command = Command::new(soffice);
        quiet(&mut command);
        // Its temporary files go into the private folder too (removed below, whatever happens).
        let tmp = work.join("tmp");
        std::fs::create_dir_all(&tmp).map_err(|e| OfficeError::Failed(e.to_string()))?;
        command
            .env("TMPDIR", &tmp)
            .env("TMP", &tmp)
            .env("TEMP", &tmp)
            .arg(profile)
            .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
            .arg(&work)
            .arg(input);
        let (success, stderr) = run_within(command, limit)?;
        let stem = input.file_stem().unwrap_or_default();
        let produced = work.join(stem).with_extension(to);
        if !success || !produced.exists() {
            return Err(OfficeError::Failed(stderr.trim().to_string()));
        }
        std::fs::read(&produced).map_err(|e| OfficeError::Failed(e.to_string()))
    })();
    let _ = std::fs::remove_dir_all(&work);
    result
}

/// Converts bytes of a file named `name` (the extension tells LibreOffice what it is).
pub fn convert_bytes(name: &str, bytes: &[u8], to: &str) -> Result<Vec<u8>, OfficeError> {
    let work = private_dir().map_err(|e| OfficeError::Failed(e.to_string()))?;
    let input = work.join(Path::new(name).file_name().unwrap_or_default());
    let result = std::fs::write(&input, bytes)
        .map_err(|e| OfficeError::Failed(e.to_string()))
        .and_then(|_| convert(&input, to));
    let _ = std::fs::remove_dir_all(&work);
    result
}

/// How long a conversion may take before LibreOffice is stopped (a damaged file or a profile it
/// cannot read can leave it waiting forever).
const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(120);

/// Runs `command` and waits at most `limit` for it; then it is stopped and the import goes on
/// with a message instead of hanging. Returns whether it succeeded and what it printed on stderr.
///
/// The program runs in a process group of its own: LibreOffice's launcher (`soffice`, a script
/// on Linux) starts `oosplash`, which starts `soffice.bin`; killing the launcher alone would leave
/// `soffice.bin` running, re-parented, with its memory and files. The whole group is killed at the
/// limit, and once the launcher has ended (a `soffice.bin` it left behind cannot outlive it).
fn run_within(
    mut command: Command,
    limit: std::time::Duration,
) -> Result<(bool, String), OfficeError> {
    use std::io::Read;
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    let mut child = command
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| OfficeError::Failed(e.to_string()))?;
    let mut pipe = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(p) = pipe.as_mut() {
            let _ = p.read_to_string(&mut text);
        }
        text
    });
    let start = std::time::Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() < limit => {
                std::thread::sleep(std::time::Duration::from_millis(50))
            }
            Ok(None) => {
                kill_group(&mut child);
                let _ = child.wait();
                return Err(OfficeError::Timeout(limit.as_secs().max(1)));
            }
            Err(e) => {
                kill_group(&mut child);
                return Err(OfficeError::Failed(e.to_string()));
            }
        }
    };
    kill_group(&mut child);
    Ok((status.success(), reader.join().unwrap_or_default()))
}

/// Kills the child and every process it started (see [`run_within`]).
fn kill_group(child: &mut std::process::Child) {
    #[cfg(unix)]
    if let Ok(pgid) = i32::try_from(child.id()) {
        // SAFETY: kill(2) with a negative pid signals the process group the child leads (it was
        // started with process_group(0)); no memory is involved.
        unsafe {
            libc::kill(-pgid, libc::SIGKILL);
        }
    }
    // On Windows, soffice.exe starts soffice.bin: the tree of a launcher still running is
    // ended with taskkill /T (no console window flashes).
    #[cfg(windows)]
    if matches!(child.try_wait(), Ok(None)) {
        let mut taskkill = Command::new("taskkill");
        quiet(&mut taskkill);
        let _ = taskkill
            .args(["/PID", &child.id().to_string(), "/T", "/F"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
    }
    let _ = child.kill();
}

/// On Windows, LibreOffice runs without flashing a console window.
fn quiet(command: &mut Command) {
    #[cfg(windows)]
    {
        use std::os::windows::process::CommandExt;
        const CREATE_NO_WINDOW: u32 = 0x0800_0000;
        command.creation_flags(CREATE_NO_WINDOW);
    }
    #[cfg(not(windows))]
    let _ = command;
}

/// A path as the file URL LibreOffice reads: "file:///C:/Users/Nguy%E1%BB%85n%20V%C4%83n/…" on
/// Windows, "file:///tmp/…" elsewhere; letters with diacritics and spaces (a teacher's user
/// folder) percent-encoded as UTF-8.
pub fn file_url(path: &str) -> String {
    let slashed = path.replace('\\', "/");
    let rooted = if slashed.starts_with('/') {
        slashed
    } else {
        format!("/{slashed}")
    };
    let mut out = String::from("file://");
    for b in rooted.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn private_dir() -> std::io::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!(
        "kehoach-office-{}-{}",
        std::process::id(),
        chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
    ));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::file_url;

    #[cfg(unix)]
    #[test]
    fn a_program_that_does_not_answer_is_stopped_with_what_it_started() {
        // A launcher that starts a child of its own and waits, as soffice starts soffice.bin.
        let marker = format!("kehoach-sleeper-{}", std::process::id());
        let mut launcher = std::process::Command::new("bash");
        launcher.args([
            "-c",
            &format!("(exec -a {marker}-child sleep 30) & exec -a {marker} sleep 31"),
        ]);
        let start = std::time::Instant::now();
        let err = super::run_within(launcher, std::time::Duration::from_millis(500)).unwrap_err();
        assert_eq!(err, super::OfficeError::Timeout(1));
        assert!(
            err.to_string().contains("không trả lời sau 1 giây"),
            "{err}"
        );
        assert!(start.elapsed().as_secs() < 10);
        std::thread::sleep(std::time::Duration::from_millis(200));
        let left = running_with(&marker);
        assert!(left.is_empty(), "still running: {left:?}");
    }

    /// The command lines of the running processes that contain `marker`.
    #[cfg(unix)]
    fn running_with(marker: &str) -> Vec<String> {
        std::fs::read_dir("/proc")
            .unwrap()
            .flatten()
            .filter_map(|e| std::fs::read(e.path().join("cmdline")).ok())
            .map(|c| String::from_utf8_lossy(&c).replace('\0', " "))
            .filter(|c| c.contains(marker))
            .collect()
    }

    /// LibreOffice itself, stopped at the limit on a long .rtf: no process of it is left (its
    /// `soffice.bin` included) and nothing of it in the temporary folder.
    #[cfg(unix)]
    #[test]
    fn libreoffice_stopped_at_the_limit_leaves_no_process_and_no_file() {
        assert!(
            super::libreoffice().is_some(),
            "LibreOffice is needed (make test installs it)"
        );
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("dai.rtf");
        let mut rtf = String::from("{\\rtf1\\ansi ");
        for i in 0..200_000 {
            rtf.push_str(&format!(
                "\\par Đoạn {i}: c\\'e1c nhi\\'eam v\\'f5 c\\'e1i c\\'e1ch h\\'e0nh ch\\'ednh "
            ));
        }
        rtf.push('}');
        std::fs::write(&input, rtf).unwrap();
        let ours = format!("kehoach-office-{}-", std::process::id());
        let err =
            super::convert_within(&input, "docx", std::time::Duration::from_secs(3)).unwrap_err();
        assert_eq!(err, super::OfficeError::Timeout(3));
        std::thread::sleep(std::time::Duration::from_millis(500));
        let left = running_with(&ours);
        assert!(left.is_empty(), "LibreOffice still running: {left:?}");
        let files: Vec<_> = std::fs::read_dir(std::env::temp_dir())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(&ours))
            .map(|e| e.path())
            .collect();
        assert!(files.is_empty(), "left behind: {files:?}");
    }

    #[test]
    fn file_urls_for_teachers_folders_on_every_system() {
        assert_eq!(
            file_url(r"C:\Users\Nguyễn Văn An\AppData\Local\Temp\kehoach-office-1\profile"),
            "file:///C:/Users/Nguy%E1%BB%85n%20V%C4%83n%20An/AppData/Local/Temp/kehoach-office-1/profile"
        );
        assert_eq!(
            file_url("/tmp/kehoach-office-1/profile"),
            "file:///tmp/kehoach-office-1/profile"
        );
        assert_eq!(
            file_url("/home/cô giáo/a#b"),
            "file:///home/c%C3%B4%20gi%C3%A1o/a%23b"
        );
    }
}
