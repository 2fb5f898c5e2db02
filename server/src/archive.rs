//! A ZIP archive written as it goes (PKWARE APPNOTE 6.3: stored entries, UTF-8 names), so a
//! member's archive can stream to the browser one file at a time and never sits whole in
//! memory. Pictures are already compressed and the JSON is small, so nothing is deflated.

/// A local file header's fixed part, then the central directory's and the end record's.
const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_DIRECTORY: u32 = 0x0605_4b50;
/// Version 2.0: what readers need for stored entries in folders.
const VERSION: u16 = 20;
/// General purpose flag bit 11: the names are UTF-8.
const UTF8_NAMES: u16 = 1 << 11;

struct Written {
    name: String,
    crc: u32,
    size: u32,
    offset: u32,
}

/// Writes entries one by one; each call answers the bytes to send next.
pub struct ZipStream {
    written: Vec<Written>,
    offset: u64,
    /// MS-DOS time and date of every entry (the moment the archive was made).
    dos_time: u16,
    dos_date: u16,
}

fn push16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn push32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

impl ZipStream {
    /// An archive whose entries are dated `made` (UTC).
    pub fn new(made: chrono::DateTime<chrono::Utc>) -> ZipStream {
        use chrono::{Datelike, Timelike};
        let year = made.year().clamp(1980, 2107) as u16;
        let dos_date = ((year - 1980) << 9) | ((made.month() as u16) << 5) | made.day() as u16;
        let dos_time = ((made.hour() as u16) << 11) | ((made.minute() as u16) << 5) | (made.second() as u16 / 2);
        ZipStream { written: Vec::new(), offset: 0, dos_time, dos_date }
    }

    /// The next entry: its local header followed by its bytes. Fails past the 4 GiB a ZIP
    /// without ZIP64 can hold (an archive of one member's data never comes close).
    pub fn entry(&mut self, name: &str, data: &[u8]) -> anyhow::Result<Vec<u8>> {
        let size = u32::try_from(data.len())?;
        let offset = u32::try_from(self.offset)?;
        let crc = crc32fast::hash(data);
        let mut out = Vec::with_capacity(30 + name.len() + data.len());
        push32(&mut out, LOCAL_HEADER);
        push16(&mut out, VERSION);
        push16(&mut out, UTF8_NAMES);
        push16(&mut out, 0); // stored
        push16(&mut out, self.dos_time);
        push16(&mut out, self.dos_date);
        push32(&mut out, crc);
        push32(&mut out, size); // compressed
        push32(&mut out, size);
        push16(&mut out, u16::try_from(name.len())?);
        push16(&mut out, 0); // no extra field
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        self.offset += out.len() as u64;
        self.written.push(Written { name: name.to_owned(), crc, size, offset });
        Ok(out)
    }

    /// The central directory and its end record: the archive's last bytes.
    pub fn finish(self) -> anyhow::Result<Vec<u8>> {
        let mut out = Vec::new();
        for entry in &self.written {
            push32(&mut out, CENTRAL_HEADER);
            push16(&mut out, VERSION); // made by
            push16(&mut out, VERSION); // needed
            push16(&mut out, UTF8_NAMES);
            push16(&mut out, 0);
            push16(&mut out, self.dos_time);
            push16(&mut out, self.dos_date);
            push32(&mut out, entry.crc);
            push32(&mut out, entry.size);
            push32(&mut out, entry.size);
            push16(&mut out, u16::try_from(entry.name.len())?);
            push16(&mut out, 0); // extra
            push16(&mut out, 0); // comment
            push16(&mut out, 0); // disk
            push16(&mut out, 0); // internal attributes
            push32(&mut out, 0); // external attributes
            push32(&mut out, entry.offset);
            out.extend_from_slice(entry.name.as_bytes());
        }
        let count = u16::try_from(self.written.len())?;
        push32(&mut out, END_OF_DIRECTORY);
        push16(&mut out, 0);
        push16(&mut out, 0);
        push16(&mut out, count);
        push16(&mut out, count);
        let directory_size = u32::try_from(out.len() - 12)?;
        push32(&mut out, directory_size);
        push32(&mut out, u32::try_from(self.offset)?);
        push16(&mut out, 0);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_archive_zip_readers_accept() {
        let made = chrono::DateTime::parse_from_rfc3339("2026-12-07T10:20:30Z").unwrap().to_utc();
        let mut zip = ZipStream::new(made);
        let mut bytes = zip.entry("profile.json", b"{\"handle\":\"anna\"}\n").unwrap();
        bytes.extend(zip.entry("pictures/фото.png", &[0x89, b'P', b'N', b'G']).unwrap());
        bytes.extend(zip.finish().unwrap());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.zip");
        std::fs::write(&path, &bytes).unwrap();
        // Python's zipfile (the build's scripts need Python anyway) checks every CRC and name.
        let check = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n\
                     print('|'.join(z.namelist()), z.read('profile.json').decode(), sep='|')";
        let out = std::process::Command::new("python3").arg("-c").arg(check).arg(&path).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8(out.stdout).unwrap(), "profile.json|pictures/фото.png|{\"handle\":\"anna\"}\n\n");
        let end = &bytes[bytes.len() - 22..];
        assert_eq!(&end[..4], &END_OF_DIRECTORY.to_le_bytes());
        assert_eq!(u16::from_le_bytes([end[10], end[11]]), 2);
    }
}
