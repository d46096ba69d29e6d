import "@mantine/core/styles.css";
import "./app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import { initI18n } from "./i18n/i18n.ts";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// The messages of the reader's language load before the first render: no flash of another language.
void initI18n().then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
