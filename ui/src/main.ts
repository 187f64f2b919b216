import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";
import { api } from "./lib/api";

const app = mount(App, { target: document.getElementById("app")! });

// Tell Rust when the first frame is on screen (used by the start-up benchmark).
requestAnimationFrame(() => requestAnimationFrame(() => void api.firstPaint().catch(() => {})));

export default app;
