//! Reading files that may be gzip-compressed (by extension or magic bytes),
//! with a size limit so a decompression bomb fails cleanly.

use crate::error::{IngestError, Result};
use std::io::Read;

/// Whether bytes start with the gzip magic number.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Reads at most `limit` bytes from `r`; more is [`IngestError::TooLarge`].
pub fn read_limited(r: impl Read, limit: usize) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    r.take(limit as u64 + 1).read_to_end(&mut out)?;
    if out.len() > limit {
        return Err(IngestError::TooLarge { limit });
    }
    Ok(out)
}

/// Decompresses (all members of) gzip data, up to `limit` bytes of output.
pub fn gunzip(bytes: &[u8], limit: usize) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let dec = flate2::read::MultiGzDecoder::new(bytes);
    match dec.take(limit as u64 + 1).read_to_end(&mut out) {
        Ok(_) if out.len() > limit => Err(IngestError::TooLarge { limit }),
        Ok(_) => Ok(out),
        Err(e) => Err(IngestError::Gzip(describe(&e))),
    }
}

/// Names a gzip failure in words.
pub fn describe(e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::UnexpectedEof {
        "truncated gzip data".to_string()
    } else {
        format!("corrupt gzip data ({e})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn roundtrip_truncated_and_limit() {
        let z = gz(b"hello world hello world");
        assert!(is_gzip(&z));
        assert_eq!(gunzip(&z, 100).unwrap(), b"hello world hello world");
        let e = gunzip(&z[..z.len() - 6], 100).unwrap_err();
        assert!(e.to_string().contains("truncated"), "{e}");
        assert!(matches!(gunzip(&z, 5), Err(IngestError::TooLarge { .. })));
        let mut two = z.clone();
        two.extend(gz(b"!"));
        assert_eq!(gunzip(&two, 100).unwrap(), b"hello world hello world!");
    }
}
