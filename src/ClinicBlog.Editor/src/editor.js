// The staff post editor: CodeMirror 6 over the post's Markdown textarea, a formatting toolbar with
// keyboard shortcuts, a live preview rendered by the server's own renderer and sanitizer, word count
// and reading time, and images pasted, dropped or picked from the media library with their alt text.
// Progressive enhancement: without JavaScript the textarea and the Preview button work as before, and
// the textarea stays the form's field (kept in step with every change), so Save and autosave send it.
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, drawSelection, placeholder } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { LanguageSupport, syntaxHighlighting, HighlightStyle } from "@codemirror/language";
import { markdownLanguage } from "@codemirror/lang-markdown";
import { tags } from "@lezer/highlight";
import { formatting } from "./formatting.js";
import { imageDialog } from "./images.js";
import { livePreview } from "./preview.js";

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

// Colours come from the page's own variables, so light and dark mode keep their contrast.
const highlight = HighlightStyle.define([
  { tag: tags.heading, fontWeight: "700" },
  { tag: tags.strong, fontWeight: "700" },
  { tag: tags.emphasis, fontStyle: "italic" },
  { tag: tags.strikethrough, textDecoration: "line-through" },
  { tag: [tags.link, tags.url], color: "var(--accent)" },
  { tag: [tags.processingInstruction, tags.meta, tags.quote], color: "var(--muted)" },
  { tag: tags.monospace, fontFamily: "ui-monospace, Menlo, Consolas, monospace" },
]);

const theme = EditorView.theme({
  "&": { color: "var(--text)", backgroundColor: "var(--surface)", minHeight: "24rem" },
  ".cm-content": { fontFamily: "ui-monospace, Menlo, Consolas, monospace", lineHeight: "1.6", padding: "0.75rem 0" },
  ".cm-line": { padding: "0 0.75rem" },
  "&.cm-focused": { outline: "none" },
  ".cm-cursor": { borderLeftColor: "var(--text)" },
  ".cm-placeholder": { color: "var(--muted)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground": { backgroundColor: "var(--accent-soft)" },
});

const enhance = (textarea) => {
  const form = textarea.form;
  const field = textarea.closest(".field");
  const token = form.querySelector("input[name=__RequestVerificationToken]")?.value ?? "";
  // The label now names the editor (the textarea, hidden, only carries the value to the form).
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  if (label) {
    label.id ||= textarea.id + "-label";
    label.removeAttribute("for");
  }
  const hint = document.getElementById("Body-hint");

  const container = document.createElement("div");
  container.className = "md-editor";
  container.dataset.editor = "";

  const toolbar = document.createElement("div");
  toolbar.className = "md-toolbar";
  toolbar.setAttribute("role", "toolbar");
  toolbar.setAttribute("aria-label", "Formatting");
  toolbar.setAttribute("aria-controls", textarea.id + "-editor");

  const tabs = document.createElement("div");
  tabs.className = "md-tabs";
  tabs.setAttribute("role", "tablist");
  tabs.setAttribute("aria-label", "Text or preview");

  const panes = document.createElement("div");
  panes.className = "md-panes";
  const writePane = document.createElement("div");
  writePane.className = "md-pane md-write";
  writePane.id = textarea.id + "-write";
  const previewPane = document.createElement("div");
  previewPane.className = "md-pane md-preview";
  previewPane.id = textarea.id + "-preview";
  previewPane.dataset.livePreview = "";
  const previewHeading = document.createElement("p");
  previewHeading.className = "md-preview-heading";
  previewHeading.id = textarea.id + "-preview-heading";
  previewHeading.textContent = "Live preview";
  const previewBody = document.createElement("div");
  previewBody.className = "md-preview-body";
  previewBody.setAttribute("aria-labelledby", previewHeading.id);
  previewBody.setAttribute("role", "region");
  previewPane.append(previewHeading, previewBody);
  panes.append(writePane, previewPane);

  const stats = document.createElement("p");
  stats.className = "md-stats";
  stats.dataset.wordCount = "";
  stats.setAttribute("aria-live", "polite");

  container.append(toolbar, tabs, panes, stats);
  textarea.after(container);
  textarea.hidden = true;

  let view;
  const sync = () => {
    textarea.value = view.state.doc.toString();
    // The autosave script listens for input on the form.
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  };

  const preview = livePreview({ url: form.dataset.previewUrl, token, target: previewBody });
  const countWords = (text) => (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) || []).length;
  const showStats = () => {
    const words = countWords(view.state.doc.toString());
    const minutes = Math.max(1, Math.ceil(words / 200));
    stats.textContent = `${words.toLocaleString("en")} ${words === 1 ? "word" : "words"} · ${minutes} min read`;
  };

  const images = imageDialog({
    libraryUrl: form.dataset.mediaLibraryUrl,
    uploadUrl: form.dataset.mediaUploadUrl,
    maxBytes: Number(form.dataset.mediaMaxBytes) || 0,
    token,
    insert: (markdown) => commands.insertBlockText(view, markdown),
    returnFocus: () => view.focus(),
  });

  const commands = formatting({ openImageDialog: (files) => images.open(files) });
  const mod = isMac ? "⌘" : "Ctrl+";
  const alt = isMac ? "⌥" : "Alt+";
  const shift = isMac ? "⇧" : "Shift+";
  const spoken = (keys) => keys.replace("Mod", isMac ? "Meta" : "Control").replaceAll("-", "+");
  const shown = (keys) => keys.replace("Mod-", mod).replace("Alt-", alt).replace("Shift-", shift);

  const buttons = [];
  for (const action of commands.actions) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.dataset.action = action.name;
    button.textContent = action.label;
    button.setAttribute("aria-label", action.title);
    button.title = `${action.title} (${shown(action.keys)})`;
    button.setAttribute("aria-keyshortcuts", spoken(action.keys));
    button.tabIndex = buttons.length === 0 ? 0 : -1;
    button.addEventListener("click", () => {
      action.run(view);
      if (action.name !== "image") {
        view.focus();
      }
    });
    toolbar.append(button);
    buttons.push(button);
  }

  // A toolbar is one tab stop; the arrow keys, Home and End move between its buttons.
  toolbar.addEventListener("keydown", (event) => {
    const at = buttons.indexOf(document.activeElement);
    if (at < 0) {
      return;
    }
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) {
      return;
    }
    event.preventDefault();
    const to = (next + buttons.length) % buttons.length;
    buttons[at].tabIndex = -1;
    buttons[to].tabIndex = 0;
    buttons[to].focus();
  });

  // Phones: Write and Preview are tabs; wide screens show both side by side (CSS hides the tabs).
  const tabButtons = [["Write", writePane], ["Preview", previewPane]].map(([name, pane], index) => {
    const tab = document.createElement("button");
    tab.type = "button";
    tab.className = "md-tab";
    tab.id = `${pane.id}-tab`;
    tab.setAttribute("role", "tab");
    tab.setAttribute("aria-controls", pane.id);
    tab.textContent = name;
    pane.setAttribute("role", "tabpanel");
    pane.setAttribute("aria-labelledby", tab.id);
    tabs.append(tab);
    return { tab, pane, index };
  });
  const select = (chosen) => {
    for (const { tab, pane } of tabButtons) {
      const on = tab === chosen.tab;
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
      pane.classList.toggle("md-pane-active", on);
    }
    if (chosen.pane === previewPane) {
      preview.now(view.state.doc.toString());
    }
  };
  for (const entry of tabButtons) {
    entry.tab.addEventListener("click", () => select(entry));
    entry.tab.addEventListener("keydown", (event) => {
      if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
        event.preventDefault();
        const other = tabButtons[1 - entry.index];
        select(other);
        other.tab.focus();
      }
    });
  }
  select(tabButtons[0]);

  view = new EditorView({
    parent: writePane,
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        history(),
        drawSelection(),
        EditorView.lineWrapping,
        new LanguageSupport(markdownLanguage),
        syntaxHighlighting(highlight),
        theme,
        // The library adds its styles in a <style> element: the page's Content-Security-Policy allows it by this nonce.
        EditorView.cspNonce.of(form.dataset.styleNonce ?? ""),
        placeholder("Write the article here. The toolbar above formats it; the preview shows it as readers will."),
        keymap.of([...commands.keymap, ...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({
          id: textarea.id + "-editor",
          ...(label ? { "aria-labelledby": label.id } : { "aria-label": "Text" }),
          "aria-multiline": "true",
          ...(hint ? { "aria-describedby": hint.id } : {}),
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            sync();
            showStats();
            preview.soon(update.state.doc.toString());
          }
        }),
        EditorView.domEventHandlers({
          paste: (event) => images.fromTransfer(event, event.clipboardData),
          drop: (event, editorView) => {
            const position = editorView.posAtCoords({ x: event.clientX, y: event.clientY });
            if (position !== null && event.dataTransfer?.files?.length) {
              editorView.dispatch({ selection: { anchor: position } });
            }
            return images.fromTransfer(event, event.dataTransfer);
          },
        }),
      ],
    }),
  });

  // A label click lands in the editor, as it did on the textarea.
  label?.addEventListener("click", (event) => {
    event.preventDefault();
    view.focus();
  });
  // A field error on the text (after a refused save) still points at what the person edits.
  if (textarea.getAttribute("aria-invalid") === "true") {
    view.contentDOM.setAttribute("aria-invalid", "true");
  }

  document.querySelector(".editor-layout")?.classList.add("editor-layout-live");
  field?.classList.add("field-live-editor");
  showStats();
  preview.now(textarea.value);
};

const textarea = document.querySelector("form.editor-form textarea[data-markdown-editor]");
if (textarea) {
  enhance(textarea);
}
