//! CSV files (RFC 4180) that are safe to open in a spreadsheet: a cell that a spreadsheet would
//! read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed
//! with `'`, so text someone typed into a survey never runs as a formula.

/// One cell: guarded against formulas, quoted when it holds a comma, a quote or a line break.
pub fn cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() };
    if guarded.contains([',', '"', '\n', '\r']) { format!("\"{}\"", guarded.replace('"', "\"\"")) } else { guarded }
}

/// A whole document: the header row, then the rows, each line ended by CRLF.
pub fn document<'a>(header: &[&str], rows: impl IntoIterator<Item = Vec<String>> + 'a) -> String {
    let mut out = header.iter().map(|name| cell(name)).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&row.iter().map(|value| cell(value)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_cells_stay_as_they_are() {
        assert_eq!(cell("Great support"), "Great support");
        assert_eq!(cell("Отлично"), "Отлично");
        assert_eq!(cell(""), "");
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(cell("fast, cheap"), "\"fast, cheap\"");
        assert_eq!(cell("the \"new\" UI"), "\"the \"\"new\"\" UI\"");
        assert_eq!(cell("line one\nline two"), "\"line one\nline two\"");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(cell("=HYPERLINK(\"http://evil\")"), "\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-2+3"), "'-2+3");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("a=b"), "a=b");
    }

    #[test]
    fn a_document_has_crlf_lines() {
        let text = document(&["id", "comment"], [vec!["1".into(), "ok, fine".into()]]);
        assert_eq!(text, "id,comment\r\n1,\"ok, fine\"\r\n");
    }
}
