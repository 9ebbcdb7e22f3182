// The toolbar's formatting commands: each edits the Markdown the way a person would type it, on every
// selection, as one undoable step.
import { EditorSelection } from "@codemirror/state";

// Wraps each selection in `before`/`after`, or inserts them around a selected placeholder word.
const wrap = (before, after, sample) => (view) => {
  view.dispatch(view.state.changeByRange((range) => {
    const text = view.state.sliceDoc(range.from, range.to) || sample;
    const inserted = before + text + after;
    return {
      changes: { from: range.from, to: range.to, insert: inserted },
      range: EditorSelection.range(range.from + before.length, range.from + before.length + text.length),
    };
  }), { scrollIntoView: true, userEvent: "input.format" });
  return true;
};

// Gives every line touched by a selection a prefix (or takes it away when all lines already have it).
const linePrefix = (prefixFor, pattern) => (view) => {
  const { state } = view;
  const lines = [];
  for (const range of state.selection.ranges) {
    for (let at = state.doc.lineAt(range.from).number; at <= state.doc.lineAt(range.to).number; at++) {
      if (!lines.includes(at)) {
        lines.push(at);
      }
    }
  }
  const all = lines.every((n) => pattern.test(state.doc.line(n).text));
  const changes = lines.map((n, index) => {
    const line = state.doc.line(n);
    const existing = line.text.match(pattern);
    if (all) {
      return { from: line.from, to: line.from + existing[0].length, insert: "" };
    }
    const stripped = line.text.match(/^(#{1,6} |> |[-*+] |\d+\. )/);
    return { from: line.from, to: line.from + (stripped ? stripped[0].length : 0), insert: prefixFor(index) };
  });
  const changeSet = state.changes(changes);
  // A cursor at a line's start moves past the new prefix, ready to type the item.
  view.dispatch({ changes: changeSet, selection: state.selection.map(changeSet, 1), scrollIntoView: true, userEvent: "input.format" });
  return true;
};

// Inserts a block on lines of its own, with a blank line before and after it.
const insertBlock = (view, block, selectFrom, selectTo) => {
  const { state } = view;
  const range = state.selection.main;
  const line = state.doc.lineAt(range.to);
  const before = line.text.trim() === "" ? (line.number > 1 && state.doc.line(line.number - 1).text.trim() !== "" ? "\n" : "") : "\n\n";
  const at = line.text.trim() === "" ? line.from : line.to;
  const text = before + block + "\n";
  view.dispatch({
    changes: { from: at, to: at, insert: text },
    selection: EditorSelection.range(at + before.length + selectFrom, at + before.length + selectTo),
    scrollIntoView: true,
    userEvent: "input.format",
  });
  return true;
};

const table = (view) => {
  const block = "| Column 1 | Column 2 |\n| --- | --- |\n| Text | Text |";
  return insertBlock(view, block, 2, 10);
};

// A numbered reference: [^n] where the cursor is, its definition at the end of the text.
const reference = (view) => {
  const { state } = view;
  const used = [...state.doc.toString().matchAll(/\[\^(\d+)\]/g)].map((m) => Number(m[1]));
  const number = used.length ? Math.max(...used) + 1 : 1;
  const marker = `[^${number}]`;
  const end = state.doc.length;
  const tail = state.doc.toString().endsWith("\n") ? "" : "\n";
  const definition = `${tail}\n${marker}: `;
  const sample = "Author, title, journal, year.";
  const range = state.selection.main;
  view.dispatch({
    changes: [
      { from: range.to, to: range.to, insert: marker },
      { from: end, to: end, insert: definition + sample },
    ],
    selection: EditorSelection.range(end + marker.length + definition.length, end + marker.length + definition.length + sample.length),
    scrollIntoView: true,
    userEvent: "input.format",
  });
  return true;
};

const link = (view) => {
  view.dispatch(view.state.changeByRange((range) => {
    const text = view.state.sliceDoc(range.from, range.to) || "link text";
    const url = "https://";
    const inserted = `[${text}](${url})`;
    const urlAt = range.from + text.length + 3;
    return {
      changes: { from: range.from, to: range.to, insert: inserted },
      range: EditorSelection.range(urlAt, urlAt + url.length),
    };
  }), { scrollIntoView: true, userEvent: "input.format" });
  return true;
};

// Inserts a block (an image) as a paragraph of its own, with blank lines around it where text is beside it.
const insertBlockText = (view, text) => {
  const { state } = view;
  const range = state.selection.main;
  const line = state.doc.lineAt(range.from);
  const textBefore = state.sliceDoc(line.from, range.from).trim() !== "";
  const textAfter = state.sliceDoc(range.to, state.doc.lineAt(range.to).to).trim() !== "";
  const inserted = (textBefore ? "\n\n" : "") + text + (textAfter ? "\n\n" : "");
  view.dispatch({
    changes: { from: range.from, to: range.to, insert: inserted },
    selection: { anchor: range.from + inserted.length },
    scrollIntoView: true,
    userEvent: "input.paste",
  });
  view.focus();
};

export const formatting = ({ openImageDialog }) => {
  const actions = [
    { name: "bold", label: "B", title: "Bold", keys: "Mod-b", run: wrap("**", "**", "bold text") },
    { name: "italic", label: "I", title: "Italic", keys: "Mod-i", run: wrap("_", "_", "italic text") },
    { name: "heading", label: "H", title: "Heading", keys: "Mod-Alt-2", run: linePrefix(() => "## ", /^#{1,6} /) },
    { name: "list", label: "• Bulleted", title: "Bulleted list", keys: "Mod-Shift-8", run: linePrefix(() => "- ", /^[-*+] /) },
    { name: "numbered", label: "Numbered", title: "Numbered list", keys: "Mod-Shift-7", run: linePrefix((i) => `${i + 1}. `, /^\d+\. /) },
    { name: "link", label: "Link", title: "Link", keys: "Mod-k", run: link },
    { name: "quote", label: "“ Quote", title: "Quote", keys: "Mod-Shift-9", run: linePrefix(() => "> ", /^> /) },
    { name: "table", label: "Table", title: "Table", keys: "Mod-Alt-t", run: table },
    { name: "reference", label: "Reference", title: "Reference (footnote)", keys: "Mod-Alt-r", run: reference },
    { name: "image", label: "Image", title: "Image", keys: "Mod-Alt-i", run: () => { openImageDialog(null); return true; } },
  ];
  return {
    actions,
    keymap: actions.map((action) => ({ key: action.keys, run: action.run, preventDefault: true })),
    insertBlockText,
  };
};
