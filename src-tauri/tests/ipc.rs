//! The commands answer through Tauri's real IPC layer (mock runtime, no display needed).
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_context, noop_assets};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindowBuilder;

fn invoke(cmd: &str, body: serde_json::Value) -> Result<serde_json::Value, serde_json::Value> {
    let app = kehoach_app::builder::<tauri::test::MockRuntime>()
        .build(mock_context(noop_assets()))
        .expect("app builds");
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window builds");
    // The app's builder is the production one, so its invoke key is random: ask the app for it.
    let invoke_key = app.invoke_key().to_string();
    get_ipc_response(
        &webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key,
        },
    )
    .map(|r| r.deserialize::<serde_json::Value>().unwrap())
}

#[test]
fn app_info_reports_the_core_version() {
    let info = invoke("app_info", serde_json::json!({})).expect("app_info answers");
    assert_eq!(info["version"], kehoach::VERSION);
}
