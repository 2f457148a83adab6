//! Compressed backups: a database copy written as one zstd frame (`….db.zst`) with its size and a
//! checksum in the frame, read back whole for a restore, and compared byte for byte with the copy
//! it was made from before it counts as a backup.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

/// How backups are compressed: zstd's default level, a good ratio at several hundred MB/s.
const LEVEL: i32 = 3;
/// The four bytes every zstd frame starts with.
const MAGIC: [u8; 4] = [0x28, 0xB5, 0x2F, 0xFD];
const CHUNK: usize = 1 << 20;

/// Whether the file at `path` starts like a zstd frame (a compressed backup, whatever its name).
pub fn is_compressed(path: &Path) -> bool {
    let mut start = [0u8; 4];
    File::open(path).and_then(|mut f| f.read_exact(&mut start)).is_ok() && start == MAGIC
}

/// Compresses the file `from` into the new file `to` and flushes it to the disk. Returns the
/// compressed size.
pub fn compress(from: &Path, to: &Path) -> io::Result<u64> {
    let mut input = File::open(from)?;
    let size = input.metadata()?.len();
    let output = File::create_new(to)?;
    let mut encoder = zstd::Encoder::new(io::BufWriter::with_capacity(CHUNK, output), LEVEL)?;
    encoder.include_checksum(true)?;
    encoder.set_pledged_src_size(Some(size))?;
    io::copy(&mut input, &mut encoder)?;
    let file = encoder.finish()?.into_inner().map_err(io::IntoInnerError::into_error)?;
    file.sync_all()?;
    Ok(file.metadata()?.len())
}

/// Decompresses the backup `from` into the new file `to`.
pub fn decompress(from: &Path, to: &Path) -> io::Result<()> {
    let mut decoder = zstd::Decoder::new(File::open(from)?)?;
    let mut output = io::BufWriter::with_capacity(CHUNK, File::create_new(to)?);
    io::copy(&mut decoder, &mut output)?;
    let file = output.into_inner().map_err(io::IntoInnerError::into_error)?;
    file.sync_all()
}

/// Whether the compressed file `compressed` decompresses (checksum included) to exactly the bytes
/// of `plain`. Reads both as streams: no second copy on the disk, little memory.
pub fn holds_exactly(compressed: &Path, plain: &Path) -> io::Result<bool> {
    let mut unpacked = BufReader::with_capacity(CHUNK, zstd::Decoder::new(File::open(compressed)?)?);
    let mut original = BufReader::with_capacity(CHUNK, File::open(plain)?);
    let (mut a, mut b) = (vec![0u8; CHUNK], vec![0u8; CHUNK]);
    loop {
        let got = read_full(&mut unpacked, &mut a)?;
        let want = read_full(&mut original, &mut b)?;
        if got != want || a[..got] != b[..want] {
            return Ok(false);
        }
        if got == 0 {
            return Ok(true);
        }
    }
}

/// Reads until `buf` is full or the stream ends; the number of bytes read.
fn read_full(reader: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn a_compressed_file_holds_exactly_what_it_was_made_from() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("a.db");
        let data: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
        fs::write(&plain, &data).unwrap();
        let packed = dir.path().join("a.db.zst");
        let size = compress(&plain, &packed).unwrap();
        assert!(size < data.len() as u64 / 10, "{size}");
        assert!(is_compressed(&packed) && !is_compressed(&plain));
        assert!(holds_exactly(&packed, &plain).unwrap());
        let back = dir.path().join("b.db");
        decompress(&packed, &back).unwrap();
        assert_eq!(fs::read(&back).unwrap(), data);
        let mut changed = data.clone();
        changed[2_500_000] ^= 1;
        fs::write(&back, &changed).unwrap();
        assert!(!holds_exactly(&packed, &back).unwrap(), "one changed byte is seen");
        changed.pop();
        fs::write(&back, &changed[..changed.len() - 1]).unwrap();
        assert!(!holds_exactly(&packed, &back).unwrap(), "a shorter file is seen");
    }

    #[test]
    fn a_damaged_compressed_file_is_an_error_not_a_match() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("a.db");
        fs::write(&plain, vec![7u8; 100_000]).unwrap();
        let packed = dir.path().join("a.db.zst");
        compress(&plain, &packed).unwrap();
        let mut bytes = fs::read(&packed).unwrap();
        let last = bytes.len() - 2;
        bytes[last] ^= 0xFF; // inside the checksum
        fs::write(&packed, &bytes).unwrap();
        assert!(!holds_exactly(&packed, &plain).unwrap_or(false));
    }
}
