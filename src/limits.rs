//! Bounds on what the tool reads, so a wrong path (a log file, a disk image) is refused with
//! a clear error instead of being read into memory.

use std::io::Read;
use std::path::Path;

/// The largest input file accepted: answer files and framework files are a few kilobytes.
pub const MAX_INPUT_BYTES: u64 = 1024 * 1024;

/// Reads a UTF-8 text file of at most [`MAX_INPUT_BYTES`].
pub fn read_limited(path: &Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read `{}`: {}", path.display(), io_reason(&e)))?;
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read `{}`: {}", path.display(), io_reason(&e)))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(format!("`{}` is larger than the 1 MiB limit for input files", path.display()));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count() + 1;
        format!(
            "`{}` is not UTF-8 text: invalid byte on line {line} (byte offset {at}); save it as UTF-8",
            path.display()
        )
    })
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::IsADirectory => "it is a directory".to_string(),
        _ => e.to_string(),
    }
}
