//! The UI calls the commands through wrappers generated from the commands' Rust signatures
//! (`ui/src/lib/commands.ts`), like the types are: a command's name, its arguments (Tauri's
//! camelCase keys) and its result type cannot drift from the Rust side. The committed file must
//! match; regenerate with `UPDATE_BINDINGS=1 cargo test -p kehoach-app --test it commands`.
use quote::ToTokens;
use std::path::PathBuf;
use syn::{FnArg, GenericArgument, Item, PathArguments, ReturnType, Type};

/// Parameters Tauri fills in itself.
const INJECTED: &[&str] = &["State", "AppHandle", "Window", "Webview", "WebviewWindow"];

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The TypeScript type of a Rust type; named types must be among the generated bindings.
fn ts(ty: &Type, named: &mut Vec<String>) -> String {
    match ty {
        Type::Reference(r) => ts(&r.elem, named),
        Type::Tuple(t) if t.elems.is_empty() => "null".into(),
        Type::Path(p) => {
            let seg = p.path.segments.last().expect("a type name");
            let args: Vec<&Type> = match &seg.arguments {
                PathArguments::AngleBracketed(a) => a
                    .args
                    .iter()
                    .filter_map(|g| match g {
                        GenericArgument::Type(t) => Some(t),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            match seg.ident.to_string().as_str() {
                "i64" | "i32" | "u32" | "u64" | "usize" | "f64" | "f32" => "number".into(),
                "String" | "str" => "string".into(),
                "bool" => "boolean".into(),
                "Option" => format!("{} | null", ts(args[0], named)),
                "Vec" => format!("Array<{}>", ts(args[0], named)),
                "Res" | "Result" => ts(args[0], named),
                other => {
                    if !named.iter().any(|n| n == other) {
                        named.push(other.to_string());
                    }
                    other.to_string()
                }
            }
        }
        other => panic!("no TypeScript type for {}", other.to_token_stream()),
    }
}

fn generate() -> String {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut named = Vec::new();
    let mut lines = Vec::new();
    for file in ["commands.rs", "lib.rs"] {
        let text = std::fs::read_to_string(src.join(file)).unwrap();
        let parsed = syn::parse_file(&text).unwrap();
        for item in parsed.items {
            let Item::Fn(f) = item else { continue };
            let is_command = f.attrs.iter().any(|a| {
                a.path()
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == "command")
            });
            if !is_command {
                continue;
            }
            let name = f.sig.ident.to_string();
            let mut params = Vec::new();
            let mut keys = Vec::new();
            for arg in &f.sig.inputs {
                let FnArg::Typed(pt) = arg else { continue };
                let injected = match &*pt.ty {
                    Type::Path(p) => p
                        .path
                        .segments
                        .last()
                        .is_some_and(|s| INJECTED.contains(&s.ident.to_string().as_str())),
                    _ => false,
                };
                if injected {
                    continue;
                }
                let key = camel(&pt.pat.to_token_stream().to_string());
                params.push(format!("{key}: {}", ts(&pt.ty, &mut named)));
                keys.push(key);
            }
            let result = match &f.sig.output {
                ReturnType::Default => "null".to_string(),
                ReturnType::Type(_, t) => ts(t, &mut named),
            };
            let args = if keys.is_empty() {
                String::new()
            } else {
                format!(", {{ {} }}", keys.join(", "))
            };
            lines.push(format!(
                "  {}: ({}) => invoke<{result}>(\"{name}\"{args}),",
                camel(&name),
                params.join(", ")
            ));
        }
    }
    named.sort();
    format!(
        "// Generated from the #[tauri::command] signatures in src-tauri/src by\n// src-tauri/tests/it/commands.rs. Do not edit: run\n// `UPDATE_BINDINGS=1 cargo test -p kehoach-app --test it commands` after changing a command.\nimport {{ invoke }} from \"@tauri-apps/api/core\";\nimport type {{ {} }} from \"./bindings\";\n\nexport const commands = {{\n{}\n}};\n",
        named.join(", "),
        lines.join("\n")
    )
}

#[test]
fn ui_command_wrappers_match_the_rust_commands() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/commands.ts");
    let generated = generate();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/lib/commands.ts is out of date; run `UPDATE_BINDINGS=1 cargo test -p kehoach-app --test it commands`:\n{}",
        similar::TextDiff::from_lines(&committed, &generated)
            .unified_diff()
            .context_radius(1)
    );
}
