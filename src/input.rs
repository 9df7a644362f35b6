//! Bounds on what the tool reads, so a wrong path (a log file, a disk image, a named pipe,
//! `/dev/zero`) is refused at once with a clear error instead of being read into memory or
//! waited on forever.

use crate::message::shown_path;
use std::fs::File;
use std::io::{BufRead, Read};
use std::path::Path;

/// The largest input file accepted: answer files and framework files are a few kilobytes.
pub const MAX_INPUT_BYTES: u64 = 1024 * 1024;

/// The largest frameworks data file accepted: a customised framework a hundred times the
/// size of the built-in one (whose largest file is under 30 KiB) still fits.
pub(crate) const MAX_FRAMEWORK_BYTES: u64 = 16 * 1024 * 1024;

/// The largest portfolio `assess --benchmark` reads: a `batch --format jsonl` row is about
/// 500 bytes, so this holds half a million assessments. It is read a line at a time.
pub(crate) const MAX_PORTFOLIO_BYTES: u64 = 256 * 1024 * 1024;

/// The longest line of a portfolio: a row is well under a kilobyte.
pub(crate) const MAX_LINE_BYTES: usize = 64 * 1024;

/// Opens `path` for reading if it is a regular file of at most `max` bytes. Anything else (a
/// directory, a FIFO, a device, a socket) is refused without waiting: the file is opened
/// non-blocking, so a FIFO with no writer cannot hang the tool, and its type is read from the
/// opened file, so it cannot change between the check and the read.
pub(crate) fn open_regular(path: &Path, max: u64) -> Result<File, String> {
    open_sized(path, max).map(|(file, _)| file)
}

/// [`open_regular`], with the file's size when opened.
fn open_sized(path: &Path, max: u64) -> Result<(File, u64), String> {
    let cannot = |e: std::io::Error| format!("cannot read {}: {}", shown_path(path), io_reason(&e));
    let file = open_nonblocking(path).map_err(cannot)?;
    let metadata = file.metadata().map_err(cannot)?;
    if !metadata.is_file() {
        return Err(format!("cannot read {}: {}, not a regular file", shown_path(path), kind_of(&metadata)));
    }
    if metadata.len() > max {
        return Err(format!("{} is larger than the {} limit for this input", shown_path(path), size(max)));
    }
    Ok((file, metadata.len()))
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// Reads a UTF-8 text file of at most [`MAX_INPUT_BYTES`].
pub(crate) fn read_limited(path: &Path) -> Result<String, String> {
    read_at_most(path, MAX_INPUT_BYTES)
}

/// Reads a UTF-8 text file of at most `max` bytes.
pub(crate) fn read_at_most(path: &Path, max: u64) -> Result<String, String> {
    let mut bytes = Vec::new();
    read_bytes(path, max, &mut bytes)?;
    String::from_utf8(bytes).map_err(|e| not_utf8(path, e.as_bytes(), e.utf8_error()))
}

/// [`read_at_most`] into `buffer`, which a caller reading many files keeps from one to the
/// next rather than allocating it again.
pub(crate) fn read_into<'b>(path: &Path, max: u64, buffer: &'b mut Vec<u8>) -> Result<&'b str, String> {
    read_bytes(path, max, buffer)?;
    std::str::from_utf8(buffer).map_err(|e| not_utf8(path, buffer, e))
}

/// Replaces the content of `buffer` with the file's.
fn read_bytes(path: &Path, max: u64, buffer: &mut Vec<u8>) -> Result<(), String> {
    let (file, len) = open_sized(path, max)?;
    buffer.clear();
    // Room for the whole file and the byte that shows it reached its end, so the buffer is
    // not reallocated as it fills.
    buffer.reserve(len as usize + 1);
    // The file may grow after it was measured: never read more than the limit and one byte.
    file.take(max + 1)
        .read_to_end(buffer)
        .map_err(|e| format!("cannot read {}: {}", shown_path(path), io_reason(&e)))?;
    if buffer.len() as u64 > max {
        return Err(format!("{} is larger than the {} limit for this input", shown_path(path), size(max)));
    }
    Ok(())
}

fn not_utf8(path: &Path, bytes: &[u8], e: std::str::Utf8Error) -> String {
    let at = e.valid_up_to();
    let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
    format!("{} is not UTF-8 text: invalid byte on line {line} (byte offset {at}); save it as UTF-8", shown_path(path))
}

/// The lines of `reader`, each of at most `max` bytes; a longer line ends the reading with an
/// error rather than being held in memory whole. Line breaks are removed.
pub(crate) fn bounded_lines(mut reader: impl BufRead, max: usize) -> impl Iterator<Item = Result<String, String>> {
    let mut buffer = Vec::new();
    let mut failed = false;
    std::iter::from_fn(move || {
        if failed {
            return None;
        }
        buffer.clear();
        let read = reader.by_ref().take(max as u64 + 2).read_until(b'\n', &mut buffer);
        let result = match read {
            Ok(0) => return None,
            Ok(_) => {
                let line = buffer.strip_suffix(b"\n").unwrap_or(&buffer);
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                if line.len() > max {
                    Err(format!("a line is longer than the {} limit", size(max as u64)))
                } else {
                    String::from_utf8(line.to_vec()).map_err(|_| "a line is not UTF-8 text".to_string())
                }
            }
            Err(e) => Err(io_reason(&e)),
        };
        failed = result.is_err();
        Some(result)
    })
}

/// Where the first TOML syntax error of `text` is, if it has one, found with memory linear in
/// the text (its tokens) and no list of errors: the parse and the decoding of every key,
/// value, comment and line break that `toml` does, without building anything.
pub(crate) fn first_toml_error(text: &str) -> Option<usize> {
    use toml_parser::parser::{RecursionGuard, parse_document};
    let source = toml_parser::Source::new(text);
    let tokens = source.lex().into_vec();
    let mut first: Option<toml_parser::ParseError> = None;
    let mut decoder = Decoder(text);
    // The parser's own depth limit, as `toml` sets it, so a deep nesting is an error here too.
    let mut receiver = RecursionGuard::new(&mut decoder, 80);
    parse_document(&tokens, &mut receiver, &mut first);
    first.map(|e| e.unexpected().or(e.context()).map_or(text.len(), |span| span.start()))
}

/// Decodes what the parser finds, for its errors only.
struct Decoder<'t>(&'t str);

impl<'t> Decoder<'t> {
    fn raw(&self, span: toml_parser::Span, kind: Option<toml_parser::decoder::Encoding>) -> toml_parser::Raw<'t> {
        toml_parser::Raw::new_unchecked(&self.0[span.start()..span.end()], kind, span)
    }
}

impl toml_parser::parser::EventReceiver for Decoder<'_> {
    fn simple_key(
        &mut self,
        span: toml_parser::Span,
        kind: Option<toml_parser::decoder::Encoding>,
        error: &mut dyn toml_parser::ErrorSink,
    ) {
        self.raw(span, kind).decode_key(&mut (), error);
    }

    fn scalar(
        &mut self,
        span: toml_parser::Span,
        kind: Option<toml_parser::decoder::Encoding>,
        error: &mut dyn toml_parser::ErrorSink,
    ) {
        let _ = self.raw(span, kind).decode_scalar(&mut (), error);
    }

    fn comment(&mut self, span: toml_parser::Span, error: &mut dyn toml_parser::ErrorSink) {
        self.raw(span, None).decode_comment(error);
    }

    fn newline(&mut self, span: toml_parser::Span, error: &mut dyn toml_parser::ErrorSink) {
        self.raw(span, None).decode_newline(error);
    }
}

/// A size limit in words: "1 MiB", "64 KiB".
pub(crate) fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{} MiB", b >> 20),
        b => format!("{} KiB", b >> 10),
    }
}

fn kind_of(metadata: &std::fs::Metadata) -> &'static str {
    let kind = metadata.file_type();
    if kind.is_dir() {
        return "it is a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "it is a named pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "it is a device";
        }
        if kind.is_socket() {
            return "it is a socket";
        }
    }
    "it is a special file"
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::IsADirectory => "it is a directory".to_string(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_longer_than_the_limit_end_the_reading() {
        let text = format!("short\r\n{}\nnever read\n", "x".repeat(100));
        let lines: Vec<_> = bounded_lines(text.as_bytes(), 50).collect();
        assert_eq!(lines[0].as_deref(), Ok("short"));
        assert!(lines[1].as_ref().unwrap_err().contains("longer than"), "{lines:?}");
        assert_eq!(lines.len(), 2);
        let exact: Vec<_> = bounded_lines("x".repeat(50).as_bytes(), 50).collect();
        assert_eq!(exact, [Ok("x".repeat(50))]);
    }
}
