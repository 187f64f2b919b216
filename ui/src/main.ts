import { invoke } from "@tauri-apps/api/core";
import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";

const app = mount(App, { target: document.getElementById("app")! });

// Tell Rust when the first frame is on screen (used by the start-up benchmark).
requestAnimationFrame(() => requestAnimationFrame(() => void invoke("first_paint").catch(() => {})));

export default app;
