//! The commands answer through Tauri's real IPC layer (mock runtime, no display needed), on a
//! real SQLite file in a temporary data folder.
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_context, noop_assets, MockRuntime};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

struct App {
    _app: tauri::App<MockRuntime>,
    webview: WebviewWindow<MockRuntime>,
    key: String,
    _dir: tempfile::TempDir,
}

fn app() -> App {
    let dir = tempfile::tempdir().unwrap();
    std::env::set_var("KEHOACH_DATA_DIR", dir.path());
    let app = kehoach_app::builder::<MockRuntime>()
        .build(mock_context(noop_assets()))
        .expect("app builds");
    kehoach_app::init(&app).expect("the store opens");
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window builds");
    // The app's builder is the production one, so its invoke key is random: ask the app for it.
    let key = app.invoke_key().to_string();
    App {
        _app: app,
        webview,
        key,
        _dir: dir,
    }
}

impl App {
    fn invoke(&self, cmd: &str, body: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.webview,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::Json(body),
                headers: Default::default(),
                invoke_key: self.key.clone(),
            },
        )
        .map(|r| r.deserialize::<Value>().unwrap())
    }
}

fn profile() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/tuoi-hong.unit.toml"
    ))
    .unwrap();
    serde_json::to_value(kehoach::model::UnitProfile::from_toml(&text).unwrap()).unwrap()
}

fn draft(step: u32) -> Value {
    json!({
        "title": "Kế hoạch CCHC 2024", "parent": {"kind": "builtin", "id": "quan1-2024"},
        "profile": profile(), "preset": "mam-non", "decisions": {}, "layout": kehoach::nd30::Layout::default(),
        "step": step, "plan": null
    })
}

#[test]
fn one_app_drafts_render_undo_and_errors() {
    // One app per process: the data folder comes from the environment.
    let app = app();
    let info = app.invoke("app_info", json!({})).expect("app_info");
    assert_eq!(info["version"], kehoach::VERSION);
    assert_eq!(info["builtins"][0]["id"], "quan1-2024");
    assert!(info["presets"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["id"] == "mam-non"));

    let d = app
        .invoke("new_draft", json!({"draft": draft(1)}))
        .expect("new_draft");
    let id = d["id"].as_i64().unwrap();
    // A new draft is for its parent plan's year, whatever the computer's clock says.
    let mut other_year = draft(1);
    other_year["profile"]["year"] = json!(2031);
    let fitted = app
        .invoke("new_draft", json!({"draft": other_year}))
        .expect("new_draft");
    assert_eq!(fitted["state"]["profile"]["year"], 2024);
    assert_eq!(fitted["state"]["title"], "Kế hoạch CCHC năm 2024");
    app.invoke("delete_draft", json!({"id": fitted["id"]}))
        .expect("delete_draft");
    // Set to another year, the wizard says what it means.
    let rendered = app
        .invoke("render", json!({"draft": other_year}))
        .expect("render");
    assert_eq!(rendered["year_note"]["parent"], 2024);
    assert!(rendered["year_note"]["message"]
        .as_str()
        .unwrap()
        .contains("năm 2031"));
    assert_eq!(rendered["title"], "Kế hoạch CCHC năm 2031");
    let mut changed = draft(4);
    changed["decisions"]["nodes"]["III.1.2"] = json!({"action": "drop"});
    let saved = app
        .invoke(
            "save_draft",
            json!({"id": id, "draft": changed, "note": "bỏ 1.2"}),
        )
        .expect("save_draft");
    assert_eq!(saved["state"]["step"], 4);
    assert_eq!(saved["can_undo"], true);
    // The unit is remembered for next year.
    let units = app.invoke("list_units", json!({})).unwrap();
    assert_eq!(units[0]["name"], "Trường mầm non Tuổi Hồng");

    let rendered = app
        .invoke("render", json!({"draft": saved["state"]}))
        .expect("render");
    assert_eq!(
        rendered["plan"]["header"]["issuer"],
        "TRƯỜNG MẦM NON TUỔI HỒNG"
    );
    assert!(rendered["html"]
        .as_str()
        .unwrap()
        .contains("TRƯỜNG MẦM NON TUỔI HỒNG"));
    assert!(!rendered["html"]
        .as_str()
        .unwrap()
        .contains(r#"data-node="III.1.2""#));
    assert!(
        rendered["adaptation"]["proposals"]
            .as_array()
            .unwrap()
            .len()
            > 10
    );

    // Undo takes back the content and says what; the user stays on the step they are on.
    let undone = app.invoke("undo", json!({"id": id})).expect("undo");
    assert_eq!(undone["state"]["step"], 4);
    assert_eq!(undone["change"], "bỏ 1.2");
    assert!(undone["state"]["decisions"]["nodes"]["III.1.2"].is_null());
    let drafts = app.invoke("list_drafts", json!({})).unwrap();
    assert_eq!(drafts.as_array().unwrap().len(), 1);

    let err = app.invoke("open_draft", json!({"id": 999})).unwrap_err();
    assert_eq!(err["message"], "Không có bản nháp số 999.");
    let bad = app
        .invoke("render", json!({"draft": {"title": "", "parent": null}}))
        .unwrap_err();
    assert_eq!(bad["message"], "Chưa chọn kế hoạch cấp trên.");
}

#[test]
fn a_data_file_that_cannot_be_opened_leaves_the_window_up_with_the_reason() {
    // A data file from a newer version of the app: start-up used to panic with the message on
    // stderr only. Now the state opens without a store and every command answers the reason.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kehoach.db");
    rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let before = std::fs::read(&db).unwrap();
    let state = kehoach_app::state::AppState::open(dir.path().to_path_buf());
    let problem = state.problem().expect("the reason is kept");
    assert!(problem.contains("phiên bản mới hơn"), "{problem}");
    let err = state.store().err().expect("no store to use");
    assert_eq!(err.message, problem);
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the file is left alone"
    );
    assert!(state.read_only().is_none() && state.recovered_from().is_none());
}
