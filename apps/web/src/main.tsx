// The web app's entry: languages first, then the app.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.js";
import { initialLocale, setUpI18n } from "./i18n/i18n.js";
import "./styles.css";

await setUpI18n(initialLocale());
const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
