//! What one page may cost before it is refused: operations, inflated content, glyphs — each
//! checked while the page is read, so that a small file cannot make the reader run for minutes
//! or fill the memory (a string of millions of glyphs deflates to a few kilobytes).

/// More operations than this on one page (its forms included) is not a document we read: a
/// page of dense text and a table has a few thousand.
pub const MAX_OPERATIONS: usize = 150_000;
/// Page content (and each form's) is never inflated beyond this: a page of text is tens of
/// kilobytes, a detailed drawing a few megabytes.
pub const MAX_CONTENT: usize = 16 * 1024 * 1024;
/// Glyphs shown on one page, visible or not: an A4 page of 8 pt text holds about 8,000.
pub const MAX_PAGE_GLYPHS: usize = 40_000;

/// Why a page was not read.
#[derive(Debug)]
pub enum PageError {
    /// Its content or fonts cannot be read.
    Damaged,
    /// It is over a budget (what, in words).
    TooMuch(String),
}

impl From<lopdf::Error> for PageError {
    fn from(_: lopdf::Error) -> Self {
        PageError::Damaged
    }
}

/// A stream that inflates past [`MAX_CONTENT`] is over budget; any other failure is damage.
pub fn too_large(e: lopdf::Error) -> PageError {
    match e {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            PageError::TooMuch(format!(
                "một trang mà nội dung giải nén ra hơn {} MB",
                MAX_CONTENT / (1024 * 1024)
            ))
        }
        _ => PageError::Damaged,
    }
}

/// Refuses content with more operations than a page may have, before it is decoded: decoded,
/// each operation costs hundreds of bytes (500,000 of them, 3 MB of content, took 300 MB). The
/// count is rough — every word starting with a letter, the words inside text strings included
/// — which only errs towards refusing content far larger than any page of text.
pub fn check_operations(content: &[u8]) -> Result<(), PageError> {
    let words = content
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| w.first().is_some_and(u8::is_ascii_alphabetic))
        .count();
    if words > MAX_OPERATIONS {
        return Err(too_many_operations());
    }
    Ok(())
}

pub fn too_many_operations() -> PageError {
    PageError::TooMuch(format!(
        "một trang hơn {} lệnh vẽ",
        kehoach_text::thousands(MAX_OPERATIONS)
    ))
}
