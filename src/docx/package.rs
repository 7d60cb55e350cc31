//! The deterministic package: `docx-rs`'s ZIP is read back and written again
//! entry by entry, in its order, each part passed through a rewrite, with
//! every entry dated 1980-01-01 00:00 (the ZIP epoch), mode 0644 and
//! deflated. Directory entries are dropped; OPC packages do not need them.
//! The same parts therefore always give the same bytes.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use super::DocxError;

/// Entry options: fixed time and permissions, deflate.
const ENTRY: SimpleFileOptions = SimpleFileOptions::DEFAULT
    .compression_method(CompressionMethod::Deflated)
    .last_modified_time(DateTime::DEFAULT)
    .unix_permissions(0o644);

/// Re-packs `archive`, replacing each file's bytes by `rewrite(name, bytes)`.
pub(super) fn repack(
    archive: &[u8],
    mut rewrite: impl FnMut(&str, Vec<u8>) -> Result<Vec<u8>, DocxError>,
) -> Result<Vec<u8>, DocxError> {
    let mut source = ZipArchive::new(Cursor::new(archive))?;
    let mut target = ZipWriter::new(Cursor::new(Vec::new()));
    for index in 0..source.len() {
        let mut entry = source.by_index(index)?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().to_owned();
        let mut bytes = Vec::with_capacity(entry.size() as usize);
        entry.read_to_end(&mut bytes)?;
        let bytes = rewrite(&name, bytes)?;
        target.start_file(name, ENTRY)?;
        target.write_all(&bytes)?;
    }
    Ok(target.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn archive(entries: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        zip.add_directory("word/", SimpleFileOptions::DEFAULT)
            .unwrap();
        for (name, text) in entries {
            zip.start_file(*name, SimpleFileOptions::DEFAULT).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn entries_keep_their_order_and_get_the_fixed_time() {
        let source = archive(&[("b.xml", "<b/>"), ("word/a.xml", "<a/>")]);
        let out = repack(&source, |name, bytes| {
            Ok(if name == "b.xml" {
                b"<c/>".to_vec()
            } else {
                bytes
            })
        })
        .unwrap();
        let mut zip = ZipArchive::new(Cursor::new(out)).unwrap();
        let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
        assert_eq!(zip.len(), 2);
        assert_eq!(zip.by_index(0).unwrap().name(), "b.xml");
        assert!(names.contains(&"word/a.xml".to_owned()));
        let mut first = String::new();
        zip.by_index(0).unwrap().read_to_string(&mut first).unwrap();
        assert_eq!(first, "<c/>");
        let time = zip.by_index(1).unwrap().last_modified().unwrap();
        assert_eq!((time.year(), time.month(), time.day()), (1980, 1, 1));
    }
}
