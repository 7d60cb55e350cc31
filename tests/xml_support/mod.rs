//! A DOCX package read back as XML: every part well-formed (end tags match)
//! and no text carrying a character a report cannot hold. Shared by the
//! property tests and the fuzz target.

use std::io::Read;

use quick_xml::events::Event;

/// Why `docx` is not a package of well-formed XML parts, or `Ok`.
pub fn docx_well_formed(docx: &[u8]) -> Result<(), String> {
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(docx)).map_err(|e| format!("not a zip: {e}"))?;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| format!("part {i}: {e}"))?;
        let name = part.name().to_string();
        let mut xml = String::new();
        part.read_to_string(&mut xml)
            .map_err(|e| format!("{name} is not UTF-8: {e}"))?;
        xml_well_formed(&xml).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(())
}

/// Why `xml` is not well-formed, or `Ok`.
pub fn xml_well_formed(xml: &str) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) if depth == 0 => return Ok(()),
            Ok(Event::Eof) => return Err(format!("{depth} elements left open")),
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::Text(t)) => {
                let text = t.decode().map_err(|e| e.to_string())?;
                if let Some(c) = text
                    .chars()
                    .find(|&c| jixiao::characters::refused(c).is_some())
                {
                    return Err(format!(
                        "text carries U+{:04X} at {}",
                        u32::from(c),
                        reader.buffer_position()
                    ));
                }
            }
            Ok(_) => {}
            Err(e) => {
                return Err(format!(
                    "not well-formed at {}: {e}",
                    reader.buffer_position()
                ));
            }
        }
    }
}
