// The only place the UI talks to the Rust side.
import { invoke } from "@tauri-apps/api/core";

export interface AppInfo {
  version: string;
}

export function appInfo(): Promise<AppInfo> {
  return invoke<AppInfo>("app_info");
}
