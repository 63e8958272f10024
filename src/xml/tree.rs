//! The element tree of an XML document, read by a small tokenizer written for the answers
//! of AWS REST-XML services. It reads what quick-xml's event reader read here before (with
//! `allow_dangling_amp` and end names checked), and the tests hold it to that: quick-xml
//! stays as the reference in `cargo test` (same tree or both refuse, on the sample
//! documents and on random and mutated ones). In the wasm, quick-xml's general reader cost
//! 7.6 KB of the gzipped download; this one costs under 2.

use crate::text;
use crate::text::concat;

/// Deeper documents are refused: CloudFront's answers nest about five levels.
const MAX_DEPTH: usize = 64;

/// XML's own whitespace (the `S` production).
fn xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// The byte offset of the first XML whitespace in `s` (bytes, not chars: every name and
/// tag is scanned, and whitespace is ASCII).
fn first_space(s: &str) -> Option<usize> {
    s.bytes().position(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// `s` without trailing XML whitespace.
fn trim_space_end(s: &str) -> &str {
    let end = s.bytes().rposition(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n')).map_or(0, |i| i + 1);
    s.get(..end).unwrap_or(s)
}

/// JavaScript's `trim()` whitespace, which differs from Rust's at U+0085 and U+FEFF.
pub fn js_space(c: char) -> bool {
    (c.is_whitespace() && c != '\u{85}') || c == '\u{feff}'
}

#[derive(Debug, Default, PartialEq)]
pub struct Element {
    /// The qualified name as written (`x:Name` does not match `Name`, as in the SDK).
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Element>,
    pub text: String,
}

impl Element {
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The element's text as the SDK sees it: whitespace-only text spanning lines is "".
    pub fn text(&self) -> &str {
        if self.text.trim_matches(js_space).is_empty() && self.text.contains('\n') {
            ""
        } else {
            &self.text
        }
    }
}

/// `[A-Za-z][A-Za-z0-9]{0,30}`, the entity names the SDK's parser replaces.
fn valid_entity_name(name: &str) -> bool {
    name.len() <= 31
        && name.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
        && name.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Appends the expansion of `&name;` as the SDK's XML parser does: the five XML entities,
/// numeric references through UTF-16 code units (`String.fromCharCode`), and nothing for any
/// other named entity.
fn push_reference(out: &mut String, name: &str) {
    // At most 7 decimal or 6 hex digits: the value fits a u32 with room to spare.
    let numeric = |digits: &str, radix: u32, max_len: usize| {
        if digits.is_empty() || digits.len() > max_len {
            return None;
        }
        digits.chars().try_fold(0u32, |acc, c| Some(acc * radix + c.to_digit(radix)?))
    };
    let code = match name.strip_prefix('#') {
        Some(num) => match num.strip_prefix('x') {
            Some(hex) => numeric(hex, 16, 6),
            None => numeric(num, 10, 7),
        },
        None if !valid_entity_name(name) => {
            // Not a reference the SDK's parser recognises: it stays as written.
            out.push('&');
            out.push_str(name);
            out.push(';');
            return;
        }
        None => {
            out.push_str(match name {
                "lt" => "<",
                "gt" => ">",
                "amp" => "&",
                "apos" => "'",
                "quot" => "\"",
                _ => "",
            });
            return;
        }
    };
    match code {
        // fromCharCode keeps the low 16 bits; a lone surrogate cannot live in a Rust string.
        Some(c) => out.push(char::from_u32(c & 0xFFFF).unwrap_or('\u{FFFD}')),
        None => {
            out.push('&');
            out.push_str(name);
            out.push(';');
        }
    }
}

/// Expands every `&name;` in an attribute value (quick-xml reports them only in text).
fn decode_references(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or(""));
        let after = rest.get(at + 1..).unwrap_or("");
        match after.find(';').filter(|&end| end > 0 && end <= 32) {
            Some(end) => {
                push_reference(&mut out, after.get(..end).unwrap_or(""));
                rest = after.get(end + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The attributes of a start tag from the text after its name: `name="value"` or
/// `name='value'`, separated by optional whitespace, as quick-xml's attribute iterator reads
/// them (duplicates are kept; the SDK keeps the last value).
fn attributes(raw: &str) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut rest = raw.trim_start_matches(xml_space);
    while !rest.is_empty() {
        // The name runs to `=` or whitespace from its second character (quick-xml takes a
        // leading `=` into the name).
        let first = rest.chars().next()?.len_utf8();
        let end = first + rest.get(first..)?.find(|c| xml_space(c) || c == '=')?;
        let (key, after) = rest.split_at(end);
        let after = after.trim_start_matches(xml_space).strip_prefix('=')?.trim_start_matches(xml_space);
        let quote = after.chars().next().filter(|&q| q == '"' || q == '\'')?;
        let (value, tail) = after.get(1..)?.split_once(quote)?;
        out.push((key.to_owned(), decode_references(value)));
        rest = tail.trim_start_matches(xml_space);
    }
    Some(out)
}

/// Appends `raw` with XML 1.0 line ends normalized: `\r\n` and a lone `\r` become `\n`.
fn push_normalized(out: &mut String, raw: &str) {
    let mut rest = raw;
    while let Some(at) = rest.find('\r') {
        out.push_str(rest.get(..at).unwrap_or(""));
        out.push('\n');
        let after = rest.get(at + 1..).unwrap_or("");
        rest = after.strip_prefix("\n").unwrap_or(after);
    }
    out.push_str(rest);
}

/// Appends character data: line ends normalized, `&name;` expanded. An `&` with no `;`
/// before the next `&` stays as written (quick-xml's `allow_dangling_amp`).
fn push_text(out: &mut String, raw: &str) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        push_normalized(out, rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp + 1..).unwrap_or("");
        match after.find([';', '&']) {
            Some(end) if after.as_bytes().get(end) == Some(&b';') => {
                push_reference(out, after.get(..end).unwrap_or(""));
                rest = after.get(end + 1..).unwrap_or("");
            }
            found => {
                let dangling_end = found.map_or(rest.len(), |end| amp + 1 + end);
                push_normalized(out, rest.get(amp..dangling_end).unwrap_or(""));
                rest = rest.get(dangling_end..).unwrap_or("");
            }
        }
    }
    push_normalized(out, rest);
}

/// The length of a tag up to and including the `>` that closes it; a `>` inside a quoted
/// attribute value does not. `None` when the document ends first.
fn tag_len(markup: &str) -> Option<usize> {
    let bytes = markup.as_bytes();
    let mut from = 0;
    loop {
        let at = from + bytes.get(from..)?.iter().position(|&b| matches!(b, b'>' | b'"' | b'\''))?;
        match bytes.get(at)? {
            b'>' => return Some(at + 1),
            &quote => from = at + 2 + bytes.get(at + 1..)?.iter().position(|&b| b == quote)?,
        }
    }
}

/// The length of `<!DOCTYPE ...>`, read as quick-xml's DTD scanner reads it: quotes before
/// the internal subset; in the subset, comments, processing instructions and quoted
/// `ENTITY`/`ATTLIST`/`NOTATION` declarations skipped whole, the first other `]` closing it;
/// then the next `>`. `None` when the document ends first.
fn doctype_len(markup: &str) -> Option<usize> {
    let at = |from: usize, pattern: &str| text::find(markup.get(from..)?, pattern).map(|i| from + i);
    let bytes = markup.as_bytes();
    let mut i = 9; // after `<!DOCTYPE`
    loop {
        match bytes.get(i)? {
            b'>' => return Some(i + 1),
            q @ (b'"' | b'\'') => i = at(i + 1, if *q == b'"' { "\"" } else { "'" })? + 1,
            b'[' => break,
            _ => i += 1,
        }
    }
    i += 1;
    loop {
        i = markup.get(i..)?.find([']', '<']).map(|j| i + j)?;
        if bytes.get(i) == Some(&b']') {
            return at(i, ">").map(|end| end + 1);
        }
        let decl = markup.get(i + 1..)?;
        i = if decl.starts_with('?') {
            at(i + 2, "?>")? + 2
        } else if decl.starts_with("!--") {
            at(i + 4, "-->")? + 3
        } else if ["!ENTITY", "!ATTLIST", "!NOTATION"].iter().any(|d| decl.starts_with(d)) {
            i + 1 + tag_len(decl)?
        } else {
            at(i + 1, ">")? + 1
        };
    }
}

/// One piece of markup.
enum Markup<'a> {
    Start { name: &'a str, attributes: &'a str, empty: bool },
    End(&'a str),
    CData(&'a str),
    /// A comment, processing instruction, XML declaration or DOCTYPE: nothing to keep.
    Skipped,
}

/// Reads the markup at the start of `markup` (which starts with `<`): what it is, and its
/// length.
fn read_markup(markup: &str) -> Result<(Markup<'_>, usize), &'static str> {
    let body = markup.get(1..).unwrap_or("");
    let ends_at = |from: usize, end: &str| text::find(markup.get(from..)?, end).map(|at| from + at + end.len());
    if let Some(bang) = body.strip_prefix("!") {
        if bang.starts_with("--") {
            let len = ends_at(4, "-->").ok_or("an unclosed comment")?;
            return Ok((Markup::Skipped, len));
        }
        if bang.starts_with("[CDATA[") {
            let len = ends_at(9, "]]>").ok_or("an unclosed CDATA section")?;
            return Ok((Markup::CData(markup.get(9..len - 3).unwrap_or("")), len));
        }
        if bang.get(..7).is_some_and(|d| d.eq_ignore_ascii_case("DOCTYPE")) {
            let len = doctype_len(markup).ok_or("an unclosed DOCTYPE")?;
            if markup.get(9..len - 1).unwrap_or("").trim_matches(xml_space).is_empty() {
                return Err("a DOCTYPE without a name");
            }
            return Ok((Markup::Skipped, len));
        }
        return Err("an unknown <! declaration");
    }
    if body.starts_with("?") {
        // `<?` ... `?>`, at least `<??>`.
        let len = ends_at(1, "?>").ok_or("an unclosed processing instruction")?;
        return if len > 3 { Ok((Markup::Skipped, len)) } else { Err("an empty processing instruction") };
    }
    let len = tag_len(markup).ok_or("an unclosed tag")?;
    let inside = markup.get(1..len - 1).unwrap_or("");
    if let Some(name) = inside.strip_prefix("/") {
        return Ok((Markup::End(trim_space_end(name)), len));
    }
    let (inside, empty) = match inside.strip_suffix("/") {
        Some(inside) => (inside, true),
        None => (inside, false),
    };
    let (name, attributes) = inside.split_at(first_space(inside).unwrap_or(inside.len()));
    Ok((Markup::Start { name, attributes, empty }, len))
}

/// Parses a whole document into its root element; `Ok(None)` for an empty body.
pub fn parse_document(body: &str) -> Result<Option<Element>, String> {
    let mut rest = body.strip_prefix('\u{feff}').unwrap_or(body);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let malformed = |rest: &str, what: &str| {
        let at = (body.len() - rest.len()) as u64;
        concat(&["malformed XML at byte ", &text::decimal(at), ": ", what])
    };
    while !rest.is_empty() {
        let (text, markup) = rest.split_at(rest.find('<').unwrap_or(rest.len()));
        match stack.last_mut() {
            Some(open) => push_text(&mut open.text, text),
            None if text.trim().is_empty() => {}
            None => return Err(malformed(rest, "text outside the root element")),
        }
        rest = markup;
        if rest.is_empty() {
            break;
        }
        let (piece, len) = read_markup(rest).map_err(|what| malformed(rest, what))?;
        match piece {
            Markup::Start { .. } if root.is_some() => return Err(malformed(rest, "more than one root element")),
            Markup::Start { name, attributes: raw, empty } => {
                let attributes = attributes(raw).ok_or_else(|| malformed(rest, "a malformed attribute"))?;
                let element = Element { name: name.to_owned(), attributes, ..Element::default() };
                if empty {
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(element),
                        None => root = Some(element),
                    }
                } else if stack.len() >= MAX_DEPTH {
                    return Err(malformed(rest, "elements nested too deeply"));
                } else {
                    stack.push(element);
                }
            }
            Markup::End(name) => {
                let Some(done) = stack.pop().filter(|open| open.name == name) else {
                    return Err(malformed(rest, "a closing tag that does not match the open element"));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => root = Some(done),
                }
            }
            Markup::CData(data) => match stack.last_mut() {
                Some(open) => push_normalized(&mut open.text, data),
                None => return Err(malformed(rest, "CDATA outside the root element")),
            },
            Markup::Skipped => {}
        }
        rest = rest.get(len..).unwrap_or("");
    }
    if !stack.is_empty() {
        return Err(malformed(rest, "the document ends inside an element"));
    }
    Ok(root)
}

/// The reader this module replaced, on quick-xml (a dev-dependency): the reference the
/// tokenizer is held to.
#[cfg(test)]
pub mod reference {
    use super::{decode_references, push_reference, Element, MAX_DEPTH};
    use crate::text;
    use quick_xml::events::Event;
    use quick_xml::Reader;

    /// Attributes through quick-xml's own iterator (duplicates kept, as the SDK keeps the
    /// last), so that the comparison covers our attribute reader too.
    fn open_reference(start: &quick_xml::events::BytesStart<'_>) -> Result<Element, String> {
        let mut attributes = Vec::new();
        for attr in start.attributes().with_checks(false) {
            let attr = attr.map_err(|_| "a malformed attribute".to_owned())?;
            let key = attr.key.as_ref().to_owned();
            attributes.push((key, decode_references(&attr.value)));
        }
        Ok(Element { name: start.name().as_ref().to_owned(), attributes, ..Element::default() })
    }

    /// Parses a whole document into its root element; `Ok(None)` for an empty body.
    pub fn parse_document(body: &str) -> Result<Option<Element>, String> {
        let mut reader = Reader::from_str(body);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.allow_dangling_amp = true;
        let mut stack: Vec<Element> = Vec::new();
        let mut root: Option<Element> = None;
        let malformed = |reader: &Reader<&[u8]>, what: &str| {
            text::concat(&["malformed XML at byte ", &text::decimal(reader.buffer_position()), ": ", what])
        };
        loop {
            let event = reader.read_event().map_err(|_| malformed(&reader, "not well-formed"))?;
            match event {
                Event::Start(start) | Event::Empty(start) if root.is_some() => {
                    let _ = start;
                    return Err(malformed(&reader, "more than one root element"));
                }
                Event::Start(start) => {
                    if stack.len() >= MAX_DEPTH {
                        return Err(malformed(&reader, "elements nested too deeply"));
                    }
                    let element = open_reference(&start).map_err(|e| malformed(&reader, &e))?;
                    stack.push(element);
                }
                Event::Empty(start) => {
                    let element = open_reference(&start).map_err(|e| malformed(&reader, &e))?;
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(element),
                        None => root = Some(element),
                    }
                }
                Event::End(_) => {
                    let Some(done) = stack.pop() else {
                        return Err(malformed(&reader, "closing tag without an opening one"));
                    };
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(done),
                        None => root = Some(done),
                    }
                }
                Event::Text(text) => match stack.last_mut() {
                    Some(open) => open.text.push_str(&text.xml10_content()),
                    None if text.trim().is_empty() => {}
                    None => return Err(malformed(&reader, "text outside the root element")),
                },
                Event::CData(data) => match stack.last_mut() {
                    Some(open) => open.text.push_str(&data.xml10_content()),
                    None => return Err(malformed(&reader, "CDATA outside the root element")),
                },
                Event::GeneralRef(reference) => match stack.last_mut() {
                    Some(open) => push_reference(&mut open.text, &reference),
                    None => return Err(malformed(&reader, "reference outside the root element")),
                },
                Event::Eof => break,
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
            }
        }
        if !stack.is_empty() {
            return Err(malformed(&reader, "the document ends inside an element"));
        }
        Ok(root)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn attributes_as_quick_xml_reads_them() {
        let pairs = |v: &[(&str, &str)]| v.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect::<Vec<_>>();
        assert_eq!(attributes(""), Some(vec![]));
        assert_eq!(attributes(" "), Some(vec![]));
        assert_eq!(
            attributes(" a=\"1\"\tb = '2 &amp; \"x\"'\n c='' "),
            Some(pairs(&[("a", "1"), ("b", "2 & \"x\""), ("c", "")]))
        );
        assert_eq!(attributes(" a=\"1\" a=\"2\""), Some(pairs(&[("a", "1"), ("a", "2")])));
        assert_eq!(attributes(" a=\"1\"b='2'"), Some(pairs(&[("a", "1"), ("b", "2")])));
        assert_eq!(attributes(" =ns=\"u\""), Some(pairs(&[("=ns", "u")])));
        for bad in [" a", " a=", " a=1", " a=\"1", " a='1\"", " =\"1\"", " a b=\"1\""] {
            assert_eq!(attributes(bad), None, "{bad:?}");
        }
        let root = parse_document("<r><e a='1' b=\"2\"/><f c='3'></f></r>").unwrap().unwrap();
        let attrs: Vec<_> = root.children.iter().map(|c| c.attributes.clone()).collect();
        assert_eq!(attrs, [pairs(&[("a", "1"), ("b", "2")]), pairs(&[("c", "3")])]);
    }

    #[test]
    fn malformed_documents_are_errors() {
        for doc in ["<a><b></a>", "<a>", "<a></a><b/>", "text", "<a></a>junk", "</a>"] {
            assert!(parse_document(doc).is_err(), "{doc}");
        }
        let deep = "<a>".repeat(100) + &"</a>".repeat(100);
        assert!(parse_document(&deep).is_err());
        assert!(parse_document("").unwrap().is_none());
        assert!(parse_document("<?xml version=\"1.0\"?>\n").unwrap().is_none());
    }

    /// Every sample document and the quirks quick-xml settles: same tree, or both refuse.
    #[test]
    fn reads_what_quick_xml_reads() {
        let mut documents = samples();
        assert!(documents.len() > 20);
        for doc in [
            "", " ", "\u{feff}<a/>", "<a/>", "<a></a>", "<a>x</a>", "<a><b/><b>1</b></a>",
            "<a>&amp;&lt;&gt;&quot;&apos;&#65;&#x42;&#x1F600;&bogus;&;&#;&#x;&a b;</a>",
            "<a>a & b &amp c & d;</a>", "<a>&&amp;</a>", "<a>&</a>", "<a>x&</a>", "<a>\r\n\r\rx\n\r</a>",
            "<a><![CDATA[<x>&amp;\r\n]]></a>", "<a><![CDATA[]]></a>", "<a><![CDATA[x]></a>", "<a><![CDATA</a>",
            "<a><!-- c --></a>", "<a><!----></a>", "<a><!---></a>", "<a><!-- a --->b</a>", "<a><!-x--></a>",
            "<?xml version=\"1.0\"?><a/>", "<??><a/>", "<?><a/>", "<?x?><a/>", "<a><?pi x?></a>",
            "<!DOCTYPE html><html><body><h1>502</h1></body></html>", "<!doctype html><a/>", "<!DOCTYPE><a/>",
            "<!DOCTYPE a [<!ENTITY e \"v\">]><a>&e;</a>", "<!DOCTYPE a [<!-- ] -->]><a/>", "<!x><a/>",
            "<a b=\"1\" c='2'/>", "<a b=\">\"></a>", "<a b='>'>x</a>", "<a b=1/>", "<a b></a>", "<a\tb=\"1\"\n/>",
            "<a></a >", "<a></ a>", "<a></a\n>", "<a></b>", "</a>", "<a>", "<a", "<", "<a/><b/>", "text",
            "<a/>text", "<a/>  \n", "  <a/>", "<a/><!-- after -->", "<a/><?pi?>", "<a/>&amp;", "<x:a xmlns:x=\"u\"/>",
            "<a><b></a></b>", "<>", "<></>", "< a/>", "<a/ >", "<a b=\"&lt;&#x26;\"/>", "<a>\u{85}\u{2028}</a>",
        ] {
            documents.push(doc.to_owned());
        }
        documents.push("<a>".repeat(64) + &"</a>".repeat(64));
        documents.push("<a>".repeat(65) + &"</a>".repeat(65));
        for doc in &documents {
            assert_same(doc);
        }
    }

    const SNIPPETS: &[&str] = &[
        "<", ">", "/>", "</", "<x>", "</x>", "<Items/>", "<![CDATA[", "]]>", "<!--", "-->", "<?x ?>", "?>",
        "<!DOCTYPE a [<!ENTITY e \"v>\">]>", "[", "]", "&", "&amp;", "&#x1F600;", "&bogus;", "\"", "'", " a=\"&lt;\"",
        "\r\n", "\r", "\u{feff}", "é☃", "<a:b xmlns:a=\"u\">", "=", " ",
    ];

    fn samples() -> Vec<String> {
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/rust/fixtures/samples"))
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect()
    }

    fn assert_same(doc: &str) {
        match (parse_document(doc), reference::parse_document(doc)) {
            (Ok(ours), Ok(theirs)) => assert_eq!(ours, theirs, "{doc:?}"),
            (Err(_), Err(_)) => {}
            (ours, theirs) => panic!("{doc:?}: ours {ours:?}, quick-xml {theirs:?}"),
        }
    }

    proptest! {
        // `PROPTEST_CASES` raises the count (scripts/fuzz.sh's fallback does).
        #![proptest_config(ProptestConfig {
            cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1000),
            ..ProptestConfig::default()
        })]

        #[test]
        fn reads_xmlish_text_as_quick_xml_does(
            doc in "(<[/!?]?[a-zA-Z:]{0,3}([ \t]{0,2}[a-z=]{1,2}[ ]?=?[ ]?[\"'][^\"'<]{0,3}[\"']){0,3}[ ]?/?>|<!--|-->|<!\\[CDATA\\[|\\]\\]>|<!DOCTYPE|\\[|\\]|&[#x0-9a-z]{0,4};?|[ a-z\r\n\t\"'=?!-]){0,40}"
        ) {
            assert_same(&doc);
        }

        /// Sample documents with pieces of markup spliced in and bytes cut out.
        #[test]
        fn reads_mutated_samples_as_quick_xml_does(
            pick in any::<prop::sample::Index>(),
            edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..4, prop::sample::select(SNIPPETS)), 1..6),
        ) {
            let all = samples();
            let mut doc = all[pick.index(all.len())].clone();
            for (at, cut, snippet) in edits {
                let mut at = at.index(doc.len() + 1);
                while !doc.is_char_boundary(at) {
                    at -= 1;
                }
                let mut end = (at + cut).min(doc.len());
                while !doc.is_char_boundary(end) {
                    end += 1;
                }
                doc.replace_range(at..end, snippet);
            }
            assert_same(&doc);
        }

        #[test]
        fn reads_any_text_as_quick_xml_does(doc in any::<String>()) {
            assert_same(&doc);
        }
    }
}
