//! The backup format, the same whatever the backend it came from:
//!
//! ```text
//! "POCDIR-BACKUP\n"                     magic
//! u32 (big-endian) + JSON               the header (format, schema version,
//!                                       backend, time, tables with their
//!                                       columns and row counts, secret files)
//! rows, table after table               each value: a tag, then its bytes
//! the secret files' bytes               in the header's order
//! 32 bytes                              SHA-256 of everything above
//! ```
//!
//! Everything is read against the header (so many rows, of these types), so
//! a file cut short or altered is found out; the checksum catches the rest.
//! The whole stream is compressed (and may be encrypted) by `file.rs`.

use super::BackupError;
use crate::sql::{ColumnType, Value};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::{Read, Write};

const MAGIC: &[u8] = b"POCDIR-BACKUP\n";
/// The format this binary writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// A header larger than this is not one of ours.
const MAX_HEADER: u32 = 64 << 20;
/// A value larger than this is not one of ours (attachments are capped far lower).
const MAX_VALUE: u32 = 1 << 30;

const NULL: u8 = 0;
const INT: u8 = 1;
const TEXT: u8 = 2;
const FALSE: u8 = 3;
const TRUE: u8 = 4;
const BYTES: u8 = 5;

/// What a backup holds, written before its rows.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Header {
    pub format: u32,
    /// The highest migration applied to the database it was made from.
    pub schema_version: i64,
    /// `sqlite` or `postgres`.
    pub backend: String,
    /// Unix seconds.
    pub created_at: i64,
    /// In the order they can be loaded (referenced tables first).
    pub tables: Vec<TableInfo>,
    /// Files of the secrets folder, when asked for.
    pub secrets: Vec<SecretInfo>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct TableInfo {
    pub name: String,
    pub columns: Vec<ColumnInfo>,
    pub rows: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ColumnInfo {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: ColumnType,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct SecretInfo {
    pub name: String,
    pub size: u64,
}

impl TableInfo {
    pub fn types(&self) -> Vec<ColumnType> {
        self.columns.iter().map(|c| c.ty).collect()
    }
}

/// Writes the format to `W`, hashing as it goes.
pub struct FormatWriter<W: Write> {
    inner: W,
    hash: Sha256,
}

impl<W: Write> FormatWriter<W> {
    pub fn start(inner: W, header: &Header) -> Result<Self, BackupError> {
        let mut w = FormatWriter {
            inner,
            hash: Sha256::new(),
        };
        let json = serde_json::to_vec(header).map_err(|e| BackupError::Format(e.to_string()))?;
        let len = u32::try_from(json.len())
            .ok()
            .filter(|n| *n <= MAX_HEADER)
            .ok_or_else(|| BackupError::Format("header too large".into()))?;
        w.put(MAGIC)?;
        w.put(&len.to_be_bytes())?;
        w.put(&json)?;
        Ok(w)
    }

    fn put(&mut self, bytes: &[u8]) -> Result<(), BackupError> {
        self.hash.update(bytes);
        self.inner.write_all(bytes)?;
        Ok(())
    }

    fn put_len(&mut self, n: usize) -> Result<(), BackupError> {
        let n = u32::try_from(n)
            .ok()
            .filter(|n| *n <= MAX_VALUE)
            .ok_or_else(|| BackupError::Format("value too large".into()))?;
        self.put(&n.to_be_bytes())
    }

    pub fn row(&mut self, values: &[Value]) -> Result<(), BackupError> {
        for v in values {
            match v {
                Value::Null => self.put(&[NULL])?,
                Value::Int(i) => {
                    self.put(&[INT])?;
                    self.put(&i.to_be_bytes())?;
                }
                Value::Text(s) => {
                    self.put(&[TEXT])?;
                    self.put_len(s.len())?;
                    self.put(s.as_bytes())?;
                }
                Value::Bool(b) => self.put(&[if *b { TRUE } else { FALSE }])?,
                Value::Bytes(b) => {
                    self.put(&[BYTES])?;
                    self.put_len(b.len())?;
                    self.put(b)?;
                }
            }
        }
        Ok(())
    }

    pub fn secret(&mut self, bytes: &[u8]) -> Result<(), BackupError> {
        self.put(bytes)
    }

    /// Writes the checksum; the inner writer, to finish it.
    pub fn finish(mut self) -> Result<W, BackupError> {
        let digest = self.hash.finalize();
        self.inner.write_all(&digest)?;
        Ok(self.inner)
    }
}

/// Reads the format from `R`, checking it against its header and checksum.
pub struct FormatReader<R: Read> {
    inner: R,
    hash: Sha256,
}

/// An I/O error while reading: a stream that ends early is a truncated
/// backup; a decompressor's or decryptor's complaint is a corrupt one.
pub(crate) fn read_error(e: std::io::Error) -> BackupError {
    match e.kind() {
        std::io::ErrorKind::UnexpectedEof => BackupError::Truncated,
        std::io::ErrorKind::InvalidData | std::io::ErrorKind::InvalidInput => {
            BackupError::Corrupt(e.to_string())
        }
        _ => BackupError::Io(e),
    }
}

impl<R: Read> FormatReader<R> {
    /// Reads the magic and the header; refuses a format this binary does not know.
    pub fn start(inner: R) -> Result<(Self, Header), BackupError> {
        let mut r = FormatReader {
            inner,
            hash: Sha256::new(),
        };
        let mut magic = [0u8; MAGIC.len()];
        r.take(&mut magic)?;
        if magic != MAGIC {
            return Err(BackupError::NotABackup);
        }
        let mut len = [0u8; 4];
        r.take(&mut len)?;
        let len = u32::from_be_bytes(len);
        if len > MAX_HEADER {
            return Err(BackupError::Corrupt("header length out of range".into()));
        }
        let json = r.take_vec(len as usize)?;
        let header: Header = serde_json::from_slice(&json)
            .map_err(|e| BackupError::Corrupt(format!("header: {e}")))?;
        if header.format != FORMAT_VERSION {
            return Err(BackupError::UnknownFormat(header.format));
        }
        Ok((r, header))
    }

    fn take(&mut self, buf: &mut [u8]) -> Result<(), BackupError> {
        self.inner.read_exact(buf).map_err(read_error)?;
        self.hash.update(&*buf);
        Ok(())
    }

    fn take_vec(&mut self, n: usize) -> Result<Vec<u8>, BackupError> {
        let mut v = Vec::new();
        let got = (&mut self.inner)
            .take(n as u64)
            .read_to_end(&mut v)
            .map_err(read_error)?;
        if got != n {
            return Err(BackupError::Truncated);
        }
        self.hash.update(&v);
        Ok(v)
    }

    fn take_len(&mut self) -> Result<usize, BackupError> {
        let mut b = [0u8; 4];
        self.take(&mut b)?;
        let n = u32::from_be_bytes(b);
        if n > MAX_VALUE {
            return Err(BackupError::Corrupt("value length out of range".into()));
        }
        Ok(n as usize)
    }

    /// One row of a table whose columns have `types`.
    pub fn row(&mut self, types: &[ColumnType]) -> Result<Vec<Value>, BackupError> {
        let mut values = Vec::with_capacity(types.len());
        for ty in types {
            let mut tag = [0u8; 1];
            self.take(&mut tag)?;
            let v = match (tag, ty) {
                ([NULL], _) => Value::Null,
                ([INT], ColumnType::Int) => {
                    let mut b = [0u8; 8];
                    self.take(&mut b)?;
                    Value::Int(i64::from_be_bytes(b))
                }
                ([TEXT], ColumnType::Text) => {
                    let n = self.take_len()?;
                    let bytes = self.take_vec(n)?;
                    Value::Text(
                        String::from_utf8(bytes)
                            .map_err(|_| BackupError::Corrupt("text is not UTF-8".into()))?,
                    )
                }
                ([FALSE], ColumnType::Bool) => Value::Bool(false),
                ([TRUE], ColumnType::Bool) => Value::Bool(true),
                ([BYTES], ColumnType::Bytes) => {
                    let n = self.take_len()?;
                    Value::Bytes(self.take_vec(n)?)
                }
                ([t], _) => {
                    return Err(BackupError::Corrupt(format!(
                        "a value tagged {t} where the header says {ty:?}"
                    )))
                }
            };
            values.push(v);
        }
        Ok(values)
    }

    pub fn secret(&mut self, size: u64) -> Result<Vec<u8>, BackupError> {
        let n = usize::try_from(size)
            .ok()
            .filter(|n| *n <= MAX_VALUE as usize)
            .ok_or_else(|| BackupError::Corrupt("secret file size out of range".into()))?;
        self.take_vec(n)
    }

    /// Checks the checksum and that nothing follows it.
    pub fn finish(mut self) -> Result<(), BackupError> {
        let expected = self.hash.finalize();
        let mut got = [0u8; 32];
        self.inner.read_exact(&mut got).map_err(read_error)?;
        if got.as_slice() != expected.as_slice() {
            return Err(BackupError::Corrupt("checksum does not match".into()));
        }
        let mut extra = [0u8; 1];
        match self.inner.read(&mut extra).map_err(read_error)? {
            0 => Ok(()),
            _ => Err(BackupError::Corrupt("data after the checksum".into())),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn header() -> Header {
        Header {
            format: FORMAT_VERSION,
            schema_version: 13,
            backend: "sqlite".into(),
            created_at: 1,
            tables: vec![TableInfo {
                name: "t".into(),
                columns: vec![
                    ColumnInfo {
                        name: "a".into(),
                        ty: ColumnType::Int,
                    },
                    ColumnInfo {
                        name: "b".into(),
                        ty: ColumnType::Text,
                    },
                    ColumnInfo {
                        name: "c".into(),
                        ty: ColumnType::Bool,
                    },
                    ColumnInfo {
                        name: "d".into(),
                        ty: ColumnType::Bytes,
                    },
                ],
                rows: 2,
            }],
            secrets: vec![SecretInfo {
                name: "k".into(),
                size: 3,
            }],
        }
    }

    fn encoded() -> Vec<u8> {
        let mut w = FormatWriter::start(Vec::new(), &header()).unwrap();
        w.row(&[
            Value::Int(-5),
            Value::Text("é".into()),
            Value::Bool(true),
            Value::Bytes(vec![0, 1]),
        ])
        .unwrap();
        w.row(&[Value::Null, Value::Null, Value::Null, Value::Null])
            .unwrap();
        w.secret(b"key").unwrap();
        w.finish().unwrap()
    }

    fn decode(bytes: &[u8]) -> Result<(Vec<Vec<Value>>, Vec<u8>), BackupError> {
        let (mut r, h) = FormatReader::start(bytes)?;
        let types = h.tables[0].types();
        let rows = vec![r.row(&types)?, r.row(&types)?];
        let secret = r.secret(3)?;
        r.finish()?;
        Ok((rows, secret))
    }

    #[test]
    fn round_trip() {
        let (rows, secret) = decode(&encoded()).unwrap();
        assert_eq!(secret, b"key");
        assert_eq!(rows[0][0], Value::Int(-5));
        assert_eq!(rows[0][1], Value::Text("é".into()));
        assert_eq!(rows[1][3], Value::Null);
    }

    #[test]
    fn every_cut_is_refused() {
        let bytes = encoded();
        for n in 0..bytes.len() {
            assert!(decode(&bytes[..n]).is_err(), "cut at {n} accepted");
        }
    }

    #[test]
    fn every_flipped_byte_is_refused() {
        let bytes = encoded();
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0x40;
            assert!(decode(&b).is_err(), "flip at {i} accepted");
        }
    }
}
