//! XML request bodies, written as the SDK writes them: the request's root element in the
//! CloudFront namespace, members in the operation's order, absent members left out, an empty
//! structure or list as `<Name/>`, strings escaped, blobs in base64. Text goes through
//! quick-xml's escaping; element names are the model's literals.

use base64::Engine as _;
use quick_xml::escape::escape;

use crate::error::Error;
use crate::operation::{InputMember, Member, Shape, XMLNS};
use crate::request::{required, scalar_text, wrong_type, InputValue, TagTextMatcher};

/// Line breaks the SDK writes as character references (`\r` would otherwise be read back as
/// `\n`), with their references.
const LINE_BREAKS: [(char, &str); 4] =
    [('\r', "&#x0D;"), ('\n', "&#x0A;"), ('\u{85}', "&#x85;"), ('\u{2028}', "&#x2028;")];

/// Appends `text` escaped for element content, exactly as the SDK's `escapeElement`:
/// `& " ' < >` by quick-xml's `escape`, line breaks as character references.
fn push_text(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some((at, c)) = rest.char_indices().find(|(_, c)| LINE_BREAKS.iter().any(|(b, _)| b == c)) {
        out.push_str(&escape(rest.get(..at).unwrap_or("")));
        out.push_str(LINE_BREAKS.iter().find(|(b, _)| *b == c).map_or("", |(_, r)| r));
        rest = rest.get(at + c.len_utf8()..).unwrap_or("");
    }
    out.push_str(&escape(rest));
}

fn open(out: &mut String, name: &str) {
    out.push('<');
    out.push_str(name);
    out.push('>');
}

fn close(out: &mut String, name: &str) {
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

fn empty(out: &mut String, name: &str) {
    out.push('<');
    out.push_str(name);
    out.push_str("/>");
}

/// The members of a structure that are set, with their values (one value per member).
fn present<'a>(members: &'a [Member], values: &'a [InputValue]) -> impl Iterator<Item = (&'a Member, &'a InputValue)> {
    members.iter().zip(values).filter(|(_, v)| !matches!(v, InputValue::Missing))
}

/// Checks `value` (present) against `shape` and appends it as element `name`; `path` names
/// it in errors (`Tags.Items[0].Key`).
fn write_value(
    out: &mut String,
    path: &str,
    name: &str,
    shape: &Shape,
    value: &InputValue,
    tag_text: TagTextMatcher<'_>,
) -> Result<(), Error> {
    match shape {
        Shape::Structure(required_count, members) => {
            let InputValue::Struct(values) = value else { return Err(wrong_type(path, "an object", value)) };
            for (member, value) in members.iter().zip(values).take(usize::from(*required_count)) {
                if matches!(value, InputValue::Missing) {
                    return Err(required(&format!("{path}.{}", member.name)));
                }
            }
            if present(members, values).next().is_none() {
                empty(out, name);
                return Ok(());
            }
            open(out, name);
            for (member, value) in present(members, values) {
                let path = format!("{path}.{}", member.name);
                write_value(out, &path, member.name, member.shape, value, tag_text)?;
            }
            close(out, name);
        }
        Shape::List { member, item } => {
            let InputValue::List(items) = value else { return Err(wrong_type(path, "an array", value)) };
            if items.is_empty() {
                empty(out, name);
                return Ok(());
            }
            open(out, name);
            for (i, value) in items.iter().enumerate() {
                let path = format!("{path}[{i}]");
                if matches!(value, InputValue::Missing) {
                    return Err(required(&path));
                }
                write_value(out, &path, member, item, value, tag_text)?;
            }
            close(out, name);
        }
        Shape::Blob { min, max } => {
            let InputValue::Bytes(bytes) = value else { return Err(wrong_type(path, "a Uint8Array", value)) };
            if bytes.len() < *min || bytes.len() > *max {
                return Err(Error::input(format!("{path} must be {min} to {max} bytes long, not {}", bytes.len())));
            }
            open(out, name);
            base64::engine::general_purpose::STANDARD.encode_string(bytes, out);
            close(out, name);
        }
        _ => {
            let text = scalar_text(path, shape, value, tag_text)?;
            open(out, name);
            push_text(out, &text);
            close(out, name);
        }
    }
    Ok(())
}

/// The XML body of an operation's body members (each with its value); `""` when none is
/// set, as the SDK sends no document then.
pub fn write<'a>(
    root: &str,
    members: impl Iterator<Item = (&'a InputMember, &'a InputValue)>,
    tag_text: TagTextMatcher<'_>,
) -> Result<String, Error> {
    let mut out = String::new();
    for (member, value) in members {
        if matches!(value, InputValue::Missing) {
            if member.required {
                return Err(required(member.name));
            }
            continue;
        }
        if out.is_empty() {
            out.push_str(r#"<?xml version="1.0" encoding="UTF-8"?><"#);
            out.push_str(root);
            out.push_str(r#" xmlns=""#);
            out.push_str(XMLNS);
            out.push_str(r#"">"#);
        }
        write_value(&mut out, member.name, member.name, member.shape, value, tag_text)?;
    }
    if !out.is_empty() {
        close(&mut out, root);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escaped_as_the_sdk_escapes_elements() {
        let mut out = String::new();
        push_text(&mut out, "a <b> & \"c\" 'd'\r\n\u{85}\u{2028}é☃");
        assert_eq!(out, "a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;&#x0D;&#x0A;&#x85;&#x2028;é☃");
        let mut out = String::new();
        push_text(&mut out, "");
        assert_eq!(out, "");
    }
}
